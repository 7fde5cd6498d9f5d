package dev.shortlease.application.chat;

/**
 * How a mode produces its answer while no connection is held: one model call (chat, completion) or
 * an agent loop. Streams through {@link RunProgress}; throws on failure, returns on stop.
 */
interface AnswerGenerator {
  void generate(ChatContext context, RunProgress progress);
}
