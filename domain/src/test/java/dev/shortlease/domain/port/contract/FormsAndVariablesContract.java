package dev.shortlease.domain.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.domain.App;
import dev.shortlease.domain.AppFeedback;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.AppUpdate;
import dev.shortlease.domain.ConversationVariable;
import dev.shortlease.domain.Feedback;
import dev.shortlease.domain.InputField;
import dev.shortlease.domain.InputForm;
import dev.shortlease.domain.InputType;
import dev.shortlease.domain.MessageOutcome;
import dev.shortlease.domain.NewApp;
import dev.shortlease.domain.NewTurn;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.Page;
import dev.shortlease.domain.Rating;
import dev.shortlease.domain.StartedTurn;
import dev.shortlease.domain.TokenUsage;
import dev.shortlease.domain.VariableDeclaration;
import dev.shortlease.domain.VariableType;
import dev.shortlease.domain.VariableValue;
import dev.shortlease.domain.port.AppFeedbacksPort;
import dev.shortlease.domain.port.ConversationVariablesPort;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of an app's input form and conversation variables, the inputs a turn runs with, the
 * app's feedback list and the end-user lookup ({@code ConversationVariablesPort}, {@code
 * AppFeedbacksPort}, and the parts of {@code AppsPort}, {@code StartTurnPort} and {@code
 * EndUsersPort} they use).
 */
public abstract class FormsAndVariablesContract extends PortContract {
  private static final List<VariableDeclaration> DECLARED =
      List.of(
          new VariableDeclaration("mood", VariableType.STRING, "calm", "how the user feels"),
          new VariableDeclaration("count", VariableType.NUMBER, 2, null),
          new VariableDeclaration("tags", VariableType.ARRAY_STRING, List.of("a"), null));

  protected abstract ConversationVariablesPort variables();

  protected abstract AppFeedbacksPort feedbacks();

  private AppId appWithSettings() {
    InputForm form =
        new InputForm(
            List.of(
                new InputField(
                    InputType.SELECT, "lang", "Language", true, "en", null, List.of("en", "fr")),
                new InputField(InputType.NUMBER, "n", "N", false, null, null, null)));
    return ports()
        .apps()
        .createApp(
            new NewApp(
                "forms " + UUID.randomUUID(),
                null,
                AppMode.CHAT,
                null,
                null,
                null,
                null,
                form,
                DECLARED));
  }

  private StartedTurn turn(AppId app, String user, Map<String, Object> inputs) {
    return ports().startTurn().startTurn(new NewTurn(app, user, null, "q", inputs, DECLARED));
  }

  @Test
  @DisplayName("an app keeps its form and declarations; an update replaces them")
  void appKeepsFormAndDeclarations() {
    AppId id = appWithSettings();
    App app = ports().apps().findApp(id).orElseThrow();
    assertThat(app.userInputForm().fields())
        .extracting(InputField::variable)
        .containsExactly("lang", "n");
    assertThat(app.userInputForm().fields().get(0).options()).containsExactly("en", "fr");
    assertThat(app.conversationVariables()).isEqualTo(DECLARED);

    App updated =
        ports()
            .apps()
            .updateApp(
                id,
                new AppUpdate(
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    InputForm.EMPTY,
                    List.of(),
                    null))
            .orElseThrow();
    assertThat(updated.userInputForm()).isEqualTo(InputForm.EMPTY);
    assertThat(ports().apps().findApp(id).orElseThrow().conversationVariables()).isEmpty();
  }

  @Test
  @DisplayName("a completion app made without a form gets Dify's default one")
  void completionAppGetsDefaultForm() {
    AppId id =
        ports()
            .apps()
            .createApp(
                new NewApp(
                    "c " + UUID.randomUUID(), "", AppMode.COMPLETION, null, null, null, null));
    assertThat(ports().apps().findApp(id).orElseThrow().userInputForm())
        .isEqualTo(InputForm.COMPLETION_DEFAULT);
  }

  @Test
  @DisplayName("inputs keep their types, and a later turn runs with the conversation's inputs")
  void inputsKeepTypesAndLaterTurnsUseStoredOnes() {
    AppId app = appWithSettings();
    String user = newUser();
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("lang", "fr");
    inputs.put("n", 42L);
    inputs.put("none", null);
    StartedTurn first = turn(app, user, inputs);
    assertThat(first.inputs()).containsEntry("lang", "fr").containsEntry("none", null);
    assertThat(first.inputs().get("n")).isInstanceOf(Number.class);
    assertThat(((Number) first.inputs().get("n")).longValue()).isEqualTo(42L);

    StartedTurn later =
        ports()
            .startTurn()
            .startTurn(
                new NewTurn(
                    app, user, first.conversationId(), "q2", Map.of("lang", "en"), DECLARED));

    assertThat(later.inputs()).isEqualTo(first.inputs());
    var conversation =
        ports()
            .conversations()
            .findConversation(first.owner(), first.conversationId())
            .orElseThrow();
    assertThat(((Number) conversation.inputs().get("n")).longValue()).isEqualTo(42L);
    assertThat(conversation.inputs().get("n")).isInstanceOf(Number.class);
    var message = ports().messages().findMessage(later.owner(), later.messageId()).orElseThrow();
    assertThat(message.inputs()).containsEntry("lang", "fr");
    assertThat(
            variables()
                .listVariables(later.owner(), later.conversationId(), null, 10, null)
                .items())
        .as("a later turn makes no new variables")
        .hasSize(DECLARED.size());
  }

  @Test
  @DisplayName("a new conversation gets the declared variables, in order, with their values")
  void newConversationGetsDeclaredVariables() {
    StartedTurn t = turn(appWithSettings(), newUser(), Map.of());
    List<ConversationVariable> vars =
        variables().listVariables(t.owner(), t.conversationId(), null, 10, null).items();
    assertThat(vars)
        .extracting(ConversationVariable::name)
        .containsExactly("mood", "count", "tags");
    assertThat(vars.get(0).value()).isEqualTo("calm");
    assertThat(vars.get(0).description()).isEqualTo("how the user feels");
    assertThat(((Number) vars.get(1).value()).intValue()).isEqualTo(2);
    assertThat(vars.get(2).value()).isEqualTo(List.of("a"));
    assertThat(vars.get(1).createdAt()).isNotNull();
  }

  @Test
  @DisplayName("variables page by last_id, filter by name, and an unknown last_id is not found")
  void variablesPageAndFilter() {
    StartedTurn t = turn(appWithSettings(), newUser(), Map.of());
    Page<ConversationVariable> first =
        variables().listVariables(t.owner(), t.conversationId(), null, 2, null);
    assertThat(first.hasMore()).isTrue();
    Page<ConversationVariable> second =
        variables()
            .listVariables(t.owner(), t.conversationId(), first.items().get(1).id(), 2, null);
    assertThat(second.items()).extracting(ConversationVariable::name).containsExactly("tags");
    assertThat(second.hasMore()).isFalse();
    assertThat(variables().listVariables(t.owner(), t.conversationId(), null, 10, "OUN").items())
        .extracting(ConversationVariable::name)
        .containsExactly("count");
    assertThat(variables().listVariables(t.owner(), t.conversationId(), null, 10, "_").items())
        .as("LIKE wildcards match literally")
        .isEmpty();
    StartedTurn other = turn(appWithSettings(), newUser(), Map.of());
    var foreignId =
        variables()
            .listVariables(other.owner(), other.conversationId(), null, 1, null)
            .items()
            .get(0)
            .id();
    assertThatThrownBy(
            () -> variables().listVariables(t.owner(), t.conversationId(), foreignId, 2, null))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  @DisplayName("a variable is set by its owner only; another user's or app's conversation has none")
  void variablesAreOwnerScoped() {
    AppId app = appWithSettings();
    StartedTurn mine = turn(app, newUser(), Map.of());
    StartedTurn theirs = turn(app, newUser(), Map.of());
    ConversationVariable count =
        variables()
            .listVariables(mine.owner(), mine.conversationId(), null, 10, "count")
            .items()
            .get(0);

    ConversationVariable set =
        variables()
            .setVariable(mine.owner(), mine.conversationId(), count.id(), new VariableValue(7.5))
            .orElseThrow();
    assertThat(set.value()).isEqualTo(7.5);
    assertThat(
            variables()
                .findVariable(mine.owner(), mine.conversationId(), count.id())
                .orElseThrow()
                .value())
        .isEqualTo(7.5);

    Owner stranger = theirs.owner();
    assertThat(
            variables()
                .setVariable(stranger, mine.conversationId(), count.id(), new VariableValue(1)))
        .isEmpty();
    assertThat(variables().findVariable(stranger, mine.conversationId(), count.id())).isEmpty();
    assertThat(
            variables()
                .setVariable(stranger, theirs.conversationId(), count.id(), new VariableValue(1)))
        .as("a variable of another conversation")
        .isEmpty();
    assertThatThrownBy(
            () -> variables().listVariables(stranger, mine.conversationId(), null, 10, null))
        .isInstanceOf(NotFoundException.class);
    Owner otherApp = new Owner(newApp(), mine.owner().endUserId());
    assertThat(variables().findVariable(otherApp, mine.conversationId(), count.id())).isEmpty();
  }

  @Test
  @DisplayName("the app's feedback list holds its rated messages, latest first, page by page")
  void feedbacksAreListedPerApp() {
    AppId app = appWithSettings();
    StartedTurn a = exchange(app, newUser(), null, "q1", "a1");
    StartedTurn b = exchange(app, newUser(), null, "q2", "a2");
    exchange(app, newUser(), null, "q3", "unrated");
    exchange(appWithSettings(), newUser(), null, "q", "other app");
    ports().messages().setFeedback(a.owner(), a.messageId(), new Feedback(Rating.LIKE, "good"));
    ports().messages().setFeedback(b.owner(), b.messageId(), new Feedback(Rating.DISLIKE, null));

    List<AppFeedback> page1 = feedbacks().listFeedbacks(app, 1, 1);
    assertThat(page1).extracting(AppFeedback::messageId).containsExactly(b.messageId());
    List<AppFeedback> all = feedbacks().listFeedbacks(app, 1, 10);
    assertThat(all)
        .extracting(AppFeedback::messageId)
        .containsExactly(b.messageId(), a.messageId());
    assertThat(all.get(1).feedback()).isEqualTo(new Feedback(Rating.LIKE, "good"));
    assertThat(all.get(1).endUserId()).isEqualTo(a.owner().endUserId());
    assertThat(all.get(1).conversationId()).isEqualTo(a.conversationId());
    assertThat(feedbacks().listFeedbacks(app, 2, 10)).isEmpty();
  }

  @Test
  @DisplayName("a rating given while its answer runs keeps its time when the answer ends")
  void ratingTimeOutlivesTheAnswersEnd() {
    AppId app = appWithSettings();
    StartedTurn running = start(app, newUser(), null, "q1");
    ports()
        .messages()
        .setFeedback(running.owner(), running.messageId(), new Feedback(Rating.LIKE, null));
    StartedTurn later = exchange(app, newUser(), null, "q2", "a2");
    ports()
        .messages()
        .setFeedback(later.owner(), later.messageId(), new Feedback(Rating.LIKE, null));
    Instant ratedFirst = feedbacks().listFeedbacks(app, 1, 10).get(1).ratedAt();

    ports()
        .finish()
        .finishMessage(
            running.owner(),
            running.messageId(),
            MessageOutcome.completed("a1", new TokenUsage(3, 4), Duration.ofMillis(5)));

    List<AppFeedback> all = feedbacks().listFeedbacks(app, 1, 10);
    assertThat(all)
        .extracting(AppFeedback::messageId)
        .as("the later rating first")
        .containsExactly(later.messageId(), running.messageId());
    assertThat(all.get(1).ratedAt()).isEqualTo(ratedFirst);
  }

  @Test
  @DisplayName("an end user is found by ID within its app only")
  void endUserIsFoundWithinItsApp() {
    AppId app = newApp();
    String user = newUser();
    StartedTurn t = start(app, user, null, "q");
    var found = ports().endUsers().getEndUser(app, t.owner().endUserId()).orElseThrow();
    assertThat(found.externalId()).isEqualTo(user);
    assertThat(found.appId()).isEqualTo(app);
    assertThat(found.createdAt()).isNotNull();
    assertThat(ports().endUsers().getEndUser(newApp(), t.owner().endUserId())).isEmpty();
  }
}
