package dev.shortlease.application.annotation;

import dev.shortlease.domain.Annotation;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.Owner;
import java.util.Optional;

/**
 * The App Runner's annotation reply step: the annotation that answers a chat query instead of the
 * model, its hit already recorded, or empty (no match, reply off, or the step failed: then the
 * model answers, as in Dify).
 */
public interface AnnotationReplier {

  Optional<Annotation> answer(AppId app, Owner owner, MessageId message, String query);

  /** Never replies: for runners built without annotation support (tests). */
  static AnnotationReplier none() {
    return (app, owner, message, query) -> Optional.empty();
  }
}
