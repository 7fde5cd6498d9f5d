package dev.shortlease.application.annotation;

import dev.shortlease.domain.Annotation;
import dev.shortlease.domain.AnnotationHit;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.Texts;
import dev.shortlease.domain.port.AnnotationsPort;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Annotation reply for a chat query: match, then record the hit (count and history, one short
 * transaction) and reply with the annotation's current answer. Any failure is logged and means "no
 * reply": the model answers instead, as in Dify.
 */
public final class AnnotationReplyService implements AnnotationReplier {
  private static final System.Logger LOG = System.getLogger(AnnotationReplyService.class.getName());

  private final AnnotationMatcher matcher;
  private final AnnotationsPort annotations;

  @Inject
  public AnnotationReplyService(AnnotationMatcher matcher, AnnotationsPort annotations) {
    this.matcher = matcher;
    this.annotations = annotations;
  }

  @Override
  public Optional<Annotation> answer(AppId app, Owner owner, MessageId message, String query) {
    try {
      return matcher
          .match(app, query)
          .flatMap(
              match ->
                  annotations.recordHit(
                      new AnnotationHit(match.id(), owner, message, query, match.score())));
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "annotation reply skipped for app {0}, the model answers: {1}",
          app,
          Texts.loggable(e.toString()));
      return Optional.empty();
    }
  }
}
