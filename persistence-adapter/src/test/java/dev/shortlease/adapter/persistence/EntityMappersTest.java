package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.domain.AgentThought;
import dev.shortlease.domain.AgentThoughtId;
import dev.shortlease.domain.ApiKey;
import dev.shortlease.domain.ApiKeyHash;
import dev.shortlease.domain.ApiKeyId;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.AppStatus;
import dev.shortlease.domain.Conversation;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.ConversationStatus;
import dev.shortlease.domain.EndUserId;
import dev.shortlease.domain.Feedback;
import dev.shortlease.domain.InputField;
import dev.shortlease.domain.InputForm;
import dev.shortlease.domain.InputType;
import dev.shortlease.domain.Message;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.MessageStatus;
import dev.shortlease.domain.ModelSettings;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.Rating;
import dev.shortlease.domain.TokenUsage;
import dev.shortlease.domain.ToolInput;
import dev.shortlease.domain.VariableDeclaration;
import dev.shortlease.domain.VariableType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EntityMappersTest {
  private static final Instant T1 = Instant.parse("2025-01-02T03:04:05.123456Z");
  private static final Instant T2 = Instant.parse("2025-01-02T03:04:06.654321Z");
  private static final Owner OWNER = new Owner(AppId.random(), EndUserId.random());

  @Test
  @DisplayName(
      "an app survives the trip to its entity and back, questions with quotes and newlines included")
  void appRoundTrip() {
    App app =
        new App(
            AppId.random(),
            "Helpdesk",
            "d",
            AppMode.AGENT_CHAT,
            new ModelSettings("m", 0.7, 100),
            "sys",
            "hello",
            List.of("a \"quoted\"\nquestion", "ünïcode ✓"),
            AppStatus.DISABLED,
            false,
            T1);
    assertThat(EntityMappers.toApp(EntityMappers.fill(new AppEntity(), app))).isEqualTo(app);
  }

  @Test
  @DisplayName("an app's form (every kind) and variable declarations survive the round trip")
  void appSettingsRoundTrip() {
    InputForm form =
        new InputForm(
            List.of(
                new InputField(InputType.TEXT_INPUT, "name", "Name", true, "", 48, null),
                new InputField(InputType.PARAGRAPH, "notes", "Notes", false, null, null, null),
                new InputField(
                    InputType.SELECT, "lang", "Lang", true, "fr", null, List.of("en", "fr")),
                new InputField(InputType.NUMBER, "age", "Age", false, 3, null, null)));
    List<VariableDeclaration> declared =
        List.of(
            new VariableDeclaration("s", VariableType.STRING, "x", "d"),
            new VariableDeclaration("o", VariableType.OBJECT, Map.of("k", List.of(1, 2)), null),
            new VariableDeclaration("b", VariableType.ARRAY_BOOLEAN, List.of(true), null));
    App app =
        new App(
            AppId.random(),
            "Forms",
            "",
            AppMode.CHAT,
            ModelSettings.DEFAULT,
            "",
            "",
            List.of(),
            AppStatus.NORMAL,
            true,
            T1,
            form,
            declared,
            7);
    assertThat(EntityMappers.toApp(EntityMappers.fill(new AppEntity(), app))).isEqualTo(app);
  }

  @Test
  @DisplayName("inputs keep strings, numbers and nulls through the round trip")
  void typedInputsRoundTrip() {
    Map<String, Object> inputs = new java.util.LinkedHashMap<>();
    inputs.put("s", "x");
    inputs.put("i", 42);
    inputs.put("d", 2.5);
    inputs.put("none", null);
    Conversation c =
        new Conversation(
            ConversationId.random(), OWNER, "n", inputs, ConversationStatus.NORMAL, T1, T2);
    assertThat(EntityMappers.toConversation(EntityMappers.toEntity(c)).inputs()).isEqualTo(inputs);
  }

  @Test
  @DisplayName("an api key survives the round trip, revoked or not")
  void apiKeyRoundTrip() {
    ApiKey active =
        new ApiKey(ApiKeyId.random(), AppId.random(), ApiKeyHash.of("k"), "app-k", T1, null);
    ApiKey revoked =
        new ApiKey(ApiKeyId.random(), AppId.random(), ApiKeyHash.of("j"), "app-j", T1, T2);
    assertThat(EntityMappers.toApiKey(EntityMappers.toEntity(active))).isEqualTo(active);
    assertThat(EntityMappers.toApiKey(EntityMappers.toEntity(revoked))).isEqualTo(revoked);
  }

  @Test
  @DisplayName("a conversation survives the round trip with its inputs")
  void conversationRoundTrip() {
    Conversation c =
        new Conversation(
            ConversationId.random(),
            OWNER,
            "n",
            Map.of("a", "1", "b", "x\"y"),
            ConversationStatus.DELETED,
            T1,
            T2);
    assertThat(EntityMappers.toConversation(EntityMappers.toEntity(c))).isEqualTo(c);
  }

  @Test
  @DisplayName("a message survives the round trip, with and without feedback")
  void messageRoundTrip() {
    Message rated =
        new Message(
            MessageId.random(),
            ConversationId.random(),
            OWNER,
            "q",
            Map.of("k", "v"),
            "a",
            MessageStatus.ERROR,
            "boom",
            new TokenUsage(5, 6),
            Duration.ofNanos(1_234_567_891),
            new Feedback(Rating.DISLIKE, "meh"),
            T1,
            T2);
    Message plain =
        new Message(
            MessageId.random(),
            ConversationId.random(),
            OWNER,
            "q",
            null,
            null,
            MessageStatus.RUNNING,
            null,
            null,
            null,
            null,
            T1,
            T1);
    assertThat(EntityMappers.toMessage(EntityMappers.toEntity(rated))).isEqualTo(rated);
    assertThat(EntityMappers.toMessage(EntityMappers.toEntity(plain))).isEqualTo(plain);
  }

  @Test
  @DisplayName("an agent thought survives the round trip")
  void thoughtRoundTrip() {
    AgentThought t =
        new AgentThought(
            AgentThoughtId.random(),
            MessageId.random(),
            3,
            "th",
            "calc;lookup",
            new ToolInput(
                Map.of(
                    "calc",
                    Map.of("expression", "1+1", "exact", true, "digits", List.of(1, 2.5)),
                    "lookup",
                    "{not json")),
            Map.of("calc", "2", "lookup", "café \"quoted\"\n"),
            new TokenUsage(1, 2),
            T1);
    assertThat(EntityMappers.toThought(EntityMappers.toEntity(t))).isEqualTo(t);

    AgentThought finalAnswer =
        new AgentThought(
            AgentThoughtId.random(), MessageId.random(), 4, "done", "", null, null, null, T1);
    AgentThoughtEntity stored = EntityMappers.toEntity(finalAnswer);
    assertThat(stored.toolInput).as("no tools: stored empty, as always").isEmpty();
    assertThat(stored.observation).isEmpty();
    assertThat(EntityMappers.toThought(stored)).isEqualTo(finalAnswer);
  }

  @Test
  @DisplayName("thought rows written before arguments were parsed stay readable")
  void legacyThoughtRows() {
    AgentThoughtEntity e = new AgentThoughtEntity();
    e.id = UUID.randomUUID();
    e.messageId = UUID.randomUUID();
    e.position = 1;
    e.thought = "t";
    e.tool = "current_time";
    e.toolInput = "{\"current_time\": {\"timezone\":\"UTC\"}}";
    e.observation = "{\"current_time\": \"2025-01-02T03:04:05Z\"}";
    e.createdAt = T1;

    AgentThought read = EntityMappers.toThought(e);
    assertThat(read.toolInput().byTool())
        .isEqualTo(Map.of("current_time", Map.of("timezone", "UTC")));
    assertThat(read.observation()).isEqualTo(Map.of("current_time", "2025-01-02T03:04:05Z"));

    e.toolInput = "{\"current_time\": {timezone: UTC}}"; // the model's text, kept verbatim
    assertThat(EntityMappers.toThought(e).toolInput().byTool())
        .isEqualTo(Map.of("current_time", "{\"current_time\": {timezone: UTC}}"));
  }
}
