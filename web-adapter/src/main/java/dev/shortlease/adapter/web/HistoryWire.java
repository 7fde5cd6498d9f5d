package dev.shortlease.adapter.web;

import dev.shortlease.domain.AgentThought;
import dev.shortlease.domain.Conversation;
import dev.shortlease.domain.Message;
import dev.shortlease.domain.MessageWithThoughts;
import dev.shortlease.domain.Page;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Web adapter: conversations, messages and agent thoughts as Dify's history endpoints show them.
 */
final class HistoryWire {
  private HistoryWire() {}

  record ConversationDto(
      String id,
      String name,
      Map<String, Object> inputs,
      String status,
      String introduction,
      long createdAt,
      long updatedAt) {}

  record FeedbackDto(String rating) {}

  record ThoughtDto(
      String id,
      String chainId,
      String messageId,
      int position,
      String thought,
      String tool,
      Map<String, Map<String, String>> toolLabels,
      String toolInput,
      String observation,
      List<String> files,
      long createdAt) {}

  record MessageDto(
      String id,
      String conversationId,
      String parentMessageId,
      Map<String, Object> inputs,
      String query,
      String answer,
      String status,
      String generationStatus,
      String error,
      List<Object> messageFiles,
      FeedbackDto feedback,
      List<Object> retrieverResources,
      List<ThoughtDto> agentThoughts,
      long createdAt,
      List<Object> extraContents,
      int messageTokens,
      int answerTokens,
      int totalTokens,
      double providerResponseLatency,
      String totalPrice,
      String currency) {}

  record PageDto<T>(int limit, boolean hasMore, List<T> data) {}

  static long seconds(Instant instant) {
    return instant == null ? 0 : instant.getEpochSecond();
  }

  /** Dify's name of a conversation not named yet (it stores it at creation). */
  static final String UNNAMED = "New conversation";

  static ConversationDto conversation(Conversation c, String introduction) {
    return new ConversationDto(
        c.id().toString(),
        c.name().isEmpty() ? UNNAMED : c.name(),
        c.inputs(),
        c.status().name().toLowerCase(java.util.Locale.ROOT),
        introduction,
        seconds(c.createdAt()),
        seconds(c.updatedAt()));
  }

  static PageDto<ConversationDto> conversations(
      Page<Conversation> page, int limit, String introduction) {
    return new PageDto<>(
        limit,
        page.hasMore(),
        page.items().stream().map(c -> conversation(c, introduction)).toList());
  }

  /** A page of messages, each with the files {@code filesOf} gives for its ID. */
  static PageDto<MessageDto> messages(
      Page<MessageWithThoughts> page,
      int limit,
      java.util.function.Function<dev.shortlease.domain.MessageId, List<Object>> filesOf) {
    return new PageDto<>(
        limit,
        page.hasMore(),
        page.items().stream()
            .map(item -> message(item, filesOf.apply(item.message().id())))
            .toList());
  }

  static MessageDto message(MessageWithThoughts item, List<Object> messageFiles) {
    Message m = item.message();
    return new MessageDto(
        m.id().toString(),
        m.conversationId().toString(),
        null,
        m.inputs(),
        m.query(),
        m.answer(),
        WireEnums.status(m.status()),
        WireEnums.generationStatus(m.status()),
        m.error(),
        messageFiles,
        m.feedback() == null ? null : new FeedbackDto(WireEnums.rating(m.feedback().rating())),
        List.of(),
        item.thoughts().stream().map(HistoryWire::thought).toList(),
        seconds(m.createdAt()),
        List.of(),
        m.usage().promptTokens(),
        m.usage().completionTokens(),
        m.usage().totalTokens(),
        UsageDto.seconds(m.latency()),
        "0",
        "USD");
  }

  static ThoughtDto thought(AgentThought t) {
    return new ThoughtDto(
        t.id().toString(),
        null,
        t.messageId().toString(),
        t.position(),
        t.thought(),
        t.tool(),
        ToolLabels.of(t.tool()),
        Json.embeddedText(t.toolInput().byTool()),
        Json.embeddedText(t.observation()),
        List.of(),
        seconds(t.createdAt()));
  }
}
