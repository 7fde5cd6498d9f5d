package dev.shortlease.domain;

import java.util.List;
import java.util.Objects;

/**
 * What one read of an app's annotation index gives: the reply settings, the index's version (it
 * changes with every vector written or removed), and — only when the version is not the one the
 * reader already had ({@code changed}) — the vectors of the settings' model, newest first, at most
 * as many as asked ({@code truncated} when there were more).
 */
public record AnnotationIndex(
    AnnotationReplySettings settings,
    long version,
    boolean changed,
    List<IndexedAnnotation> vectors,
    boolean truncated) {

  public AnnotationIndex {
    Objects.requireNonNull(settings, "settings");
    vectors = List.copyOf(vectors);
  }

  /** This read's settings and version with the vectors {@code earlier} already had. */
  public AnnotationIndex withVectorsOf(AnnotationIndex earlier) {
    return new AnnotationIndex(settings, version, false, earlier.vectors, earlier.truncated);
  }
}
