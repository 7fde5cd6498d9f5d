package dev.shortlease.domain.port;

import dev.shortlease.domain.Annotation;
import dev.shortlease.domain.AnnotationHit;
import dev.shortlease.domain.AnnotationId;
import dev.shortlease.domain.AnnotationPage;
import dev.shortlease.domain.AnnotationText;
import dev.shortlease.domain.AppId;
import java.util.Optional;

/**
 * Outbound port: an app's annotations. Every method is scoped by app: another app's annotation
 * behaves as missing. Writes that change a question drop its vector (it no longer fits).
 */
public interface AnnotationsPort {

  /**
   * Page {@code page} (from 1) of {@code limit}, newest first; {@code keyword}, when not empty,
   * keeps annotations whose question or answer contains it (case-insensitive, taken literally:
   * spaces too, as Dify's {@code if keyword:} does).
   */
  AnnotationPage listAnnotations(AppId app, int page, int limit, String keyword);

  Annotation createAnnotation(AppId app, AnnotationText text);

  /** The new state, or empty when not found. */
  Optional<Annotation> updateAnnotation(AppId app, AnnotationId id, AnnotationText text);

  /** Deletes the annotation and its hit history; false when not found. */
  boolean deleteAnnotation(AppId app, AnnotationId id);

  /**
   * Counts the hit on the annotation and keeps it in the hit history, in one transaction; returns
   * the annotation as it is now (its current answer), or empty when it was deleted meanwhile.
   */
  Optional<Annotation> recordHit(AnnotationHit hit);
}
