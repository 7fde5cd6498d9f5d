package dev.shortlease.application.annotation;

import dev.shortlease.application.port.in.ManageAnnotationsUseCase;
import dev.shortlease.domain.Annotation;
import dev.shortlease.domain.AnnotationId;
import dev.shortlease.domain.AnnotationPage;
import dev.shortlease.domain.AnnotationText;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Page;
import dev.shortlease.domain.Texts;
import dev.shortlease.domain.port.AnnotationIndexPort;
import dev.shortlease.domain.port.AnnotationsPort;
import jakarta.inject.Inject;

/**
 * Use case: an app's annotations. A write is one short transaction; when annotation reply is on,
 * the question is then embedded (no connection held) and its vector stored in another, so the
 * annotation matches as soon as the call returns. Should the embedding fail, the annotation is kept
 * without a vector (logged) and the next enable job embeds it, as Dify's index task would retry.
 */
public final class ManageAnnotationsService implements ManageAnnotationsUseCase {
  private static final System.Logger LOG =
      System.getLogger(ManageAnnotationsService.class.getName());
  static final int MAX_KEYWORD_LENGTH = 255;

  private final AnnotationsPort annotations;
  private final AnnotationIndexPort index;
  private final AnnotationEmbedder embedder;

  @Inject
  public ManageAnnotationsService(
      AnnotationsPort annotations, AnnotationIndexPort index, AnnotationEmbedder embedder) {
    this.annotations = annotations;
    this.index = index;
    this.embedder = embedder;
  }

  @Override
  public AnnotationPage list(AppId app, int page, int limit, String keyword) {
    Page.requirePageNumber(page);
    String search = keyword == null ? "" : keyword.strip();
    Texts.requireAtMost(search, "keyword", MAX_KEYWORD_LENGTH);
    return annotations.listAnnotations(app, page, Page.requireLimit(limit), search);
  }

  @Override
  public Annotation create(AppId app, AnnotationText text) {
    Annotation created = annotations.createAnnotation(app, text);
    embedIfReplyIsOn(app, created);
    return created;
  }

  @Override
  public Annotation update(AppId app, AnnotationId id, AnnotationText text) {
    Annotation updated =
        annotations
            .updateAnnotation(app, id, text)
            .orElseThrow(() -> new NotFoundException("annotation"));
    embedIfReplyIsOn(app, updated);
    return updated;
  }

  @Override
  public void delete(AppId app, AnnotationId id) {
    if (!annotations.deleteAnnotation(app, id)) {
      throw new NotFoundException("annotation");
    }
  }

  private void embedIfReplyIsOn(AppId app, Annotation annotation) {
    index
        .findReplySettings(app)
        .ifPresent(
            reply -> {
              try {
                embedder.embedOne(app, reply, annotation);
              } catch (RuntimeException e) {
                LOG.log(
                    System.Logger.Level.WARNING,
                    "annotation {0} of app {1} was saved without a vector (the next enable job"
                        + " embeds it): {2}",
                    annotation.id(),
                    app,
                    Texts.loggable(e.toString()));
              }
            });
  }
}
