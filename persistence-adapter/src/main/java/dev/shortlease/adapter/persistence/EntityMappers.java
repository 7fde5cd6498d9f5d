package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.AgentThought;
import dev.shortlease.domain.AgentThoughtId;
import dev.shortlease.domain.ApiKey;
import dev.shortlease.domain.ApiKeyHash;
import dev.shortlease.domain.ApiKeyId;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppStatus;
import dev.shortlease.domain.Conversation;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.ConversationStatus;
import dev.shortlease.domain.ConversationVariable;
import dev.shortlease.domain.ConversationVariableId;
import dev.shortlease.domain.EndUserId;
import dev.shortlease.domain.Feedback;
import dev.shortlease.domain.Message;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.MessageStatus;
import dev.shortlease.domain.ModelSettings;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.Rating;
import dev.shortlease.domain.TokenUsage;
import dev.shortlease.domain.ToolInput;
import java.time.Duration;
import java.util.Map;

/**
 * Static mappers between entities and domain records. Called inside the session only: what leaves
 * the adapter is always the record, a plain copy.
 */
final class EntityMappers {
  private EntityMappers() {}

  static App toApp(AppEntity e) {
    return new App(
        new AppId(e.id),
        e.name,
        e.description,
        StoredAppMode.from(e.mode),
        new ModelSettings(e.model, e.temperature, e.maxTokens),
        e.systemPrompt,
        e.openingStatement,
        JsonText.toList(e.suggestedQuestions),
        AppStatus.valueOf(e.status),
        e.apiEnabled,
        e.createdAt,
        StoredAppSettings.toForm(e.userInputForm),
        StoredAppSettings.toVariables(e.conversationVariables),
        e.maxActiveRequests);
  }

  /** Copies every mutable field of {@code app} into {@code e} (not the ID or timestamps). */
  static AppEntity fill(AppEntity e, App app) {
    e.id = app.id().value();
    e.name = app.name();
    e.description = app.description();
    e.mode = StoredAppMode.of(app.mode());
    e.model = app.modelSettings().model();
    e.temperature = app.modelSettings().temperature();
    e.maxTokens = app.modelSettings().maxTokens();
    e.systemPrompt = app.systemPrompt();
    e.openingStatement = app.openingStatement();
    e.suggestedQuestions = JsonText.ofList(app.suggestedQuestions());
    e.status = app.status().name();
    e.apiEnabled = app.apiEnabled();
    e.userInputForm = StoredAppSettings.ofForm(app.userInputForm());
    e.conversationVariables = StoredAppSettings.ofVariables(app.conversationVariables());
    e.maxActiveRequests = app.maxActiveRequests();
    e.createdAt = app.createdAt();
    return e;
  }

  static ApiKey toApiKey(ApiKeyEntity e) {
    return new ApiKey(
        new ApiKeyId(e.id),
        new AppId(e.appId),
        new ApiKeyHash(e.hash),
        e.prefix,
        e.createdAt,
        e.revokedAt);
  }

  static ApiKeyEntity toEntity(ApiKey key) {
    ApiKeyEntity e = new ApiKeyEntity();
    e.id = key.id().value();
    e.appId = key.appId().value();
    e.hash = key.hash().hex();
    e.prefix = key.prefix();
    e.createdAt = key.createdAt();
    e.revokedAt = key.revokedAt();
    return e;
  }

  static Conversation toConversation(ConversationEntity e) {
    return new Conversation(
        new ConversationId(e.id),
        new Owner(new AppId(e.appId), new EndUserId(e.endUserId)),
        e.name,
        inputs(e.inputs),
        ConversationStatus.valueOf(e.status),
        e.createdAt,
        e.updatedAt);
  }

  static ConversationEntity toEntity(Conversation c) {
    ConversationEntity e = new ConversationEntity();
    e.id = c.id().value();
    e.appId = c.owner().appId().value();
    e.endUserId = c.owner().endUserId().value();
    e.name = c.name();
    e.inputs = JsonText.ofValue(c.inputs());
    e.status = c.status().name();
    e.createdAt = c.createdAt();
    e.updatedAt = c.updatedAt();
    return e;
  }

  static Message toMessage(MessageEntity e) {
    return new Message(
        new MessageId(e.id),
        new ConversationId(e.conversationId),
        new Owner(new AppId(e.appId), new EndUserId(e.endUserId)),
        e.query,
        inputs(e.inputs),
        e.answer,
        MessageStatus.valueOf(e.status),
        e.error,
        new TokenUsage(e.promptTokens, e.completionTokens),
        Duration.ofNanos(e.latencyNanos),
        e.feedbackRating == null
            ? null
            : new Feedback(Rating.valueOf(e.feedbackRating), e.feedbackContent),
        e.createdAt,
        e.updatedAt);
  }

  static MessageEntity toEntity(Message m) {
    MessageEntity e = new MessageEntity();
    e.id = m.id().value();
    e.conversationId = m.conversationId().value();
    e.appId = m.owner().appId().value();
    e.endUserId = m.owner().endUserId().value();
    e.query = m.query();
    e.inputs = JsonText.ofValue(m.inputs());
    e.answer = m.answer();
    e.status = m.status().name();
    e.error = m.error();
    e.promptTokens = m.usage().promptTokens();
    e.completionTokens = m.usage().completionTokens();
    e.latencyNanos = m.latency().toNanos();
    e.feedbackRating = m.feedback() == null ? null : m.feedback().rating().name();
    e.feedbackContent = m.feedback() == null ? null : m.feedback().content();
    e.createdAt = m.createdAt();
    e.updatedAt = m.updatedAt();
    return e;
  }

  /** Stored inputs: a JSON object of strings and numbers (older rows: of strings only). */
  static Map<String, Object> inputs(String json) {
    return JsonText.toObject(json)
        .orElseThrow(() -> new IllegalStateException("stored inputs are corrupt: " + json));
  }

  static ConversationVariable toVariable(ConversationVariableEntity e) {
    return new ConversationVariable(
        new ConversationVariableId(e.id),
        new ConversationId(e.conversationId),
        e.name,
        StoredAppSettings.toType(e.valueType),
        JsonText.toValue(e.valueJson),
        e.description,
        e.createdAt,
        e.updatedAt);
  }

  /**
   * Rows written before tool arguments were parsed may hold the model's text verbatim inside the
   * JSON, and that text need not be valid: such a row reads as the whole stored text under the
   * thought's tool name, never as an error.
   */
  private static ToolInput toolInput(AgentThoughtEntity e) {
    return new ToolInput(
        JsonText.toObject(e.toolInput)
            .orElseGet(() -> Map.of(e.tool == null ? "" : e.tool, e.toolInput)));
  }

  static AgentThought toThought(AgentThoughtEntity e) {
    return new AgentThought(
        new AgentThoughtId(e.id),
        new MessageId(e.messageId),
        e.position,
        e.thought,
        e.tool,
        toolInput(e),
        JsonText.toMap(e.observation),
        new TokenUsage(e.promptTokens, e.completionTokens),
        e.createdAt);
  }

  static AgentThoughtEntity toEntity(AgentThought t) {
    AgentThoughtEntity e = new AgentThoughtEntity();
    e.id = t.id().value();
    e.messageId = t.messageId().value();
    e.position = t.position();
    e.thought = t.thought();
    e.tool = t.tool();
    e.toolInput = JsonText.ofObjectOrEmpty(t.toolInput().byTool());
    e.observation = JsonText.ofObjectOrEmpty(t.observation());
    e.promptTokens = t.usage().promptTokens();
    e.completionTokens = t.usage().completionTokens();
    e.createdAt = t.createdAt();
    return e;
  }
}
