package dev.shortlease.application.chat;

import dev.shortlease.application.annotation.AnnotationReplier;
import dev.shortlease.domain.Annotation;
import java.util.Optional;

/**
 * The App Runner's annotation reply, before the model (Dify's chat and agent-chat runners): a query
 * that matches an annotation is answered with it, and the model is not called. The answer is saved
 * like any other in T4; completion apps go straight to the model.
 */
final class AnnotationReplyGenerator implements AnswerGenerator {
  private final AnswerGenerator model;
  private final AnnotationReplier replier;

  AnnotationReplyGenerator(AnswerGenerator model, AnnotationReplier replier) {
    this.model = model;
    this.replier = replier;
  }

  @Override
  public void generate(ChatContext context, RunProgress progress) {
    if (context.app().mode().isConversational() && !progress.stopRequested()) {
      Optional<Annotation> reply =
          replier.answer(
              context.app().id(), context.owner(), context.turn().messageId(), context.query());
      if (reply.isPresent()) {
        progress.annotationReply(reply.get().id(), reply.get().text().answer());
        return;
      }
    }
    model.generate(context, progress);
  }
}
