package dev.shortlease.application.conversation;

import dev.shortlease.application.limits.ModelSideCalls;
import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.port.out.FinishReason;
import dev.shortlease.application.port.out.ModelMessage;
import dev.shortlease.application.port.out.ModelRequest;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.domain.App;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.ModelSettings;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.Texts;
import dev.shortlease.domain.port.AppsPort;
import dev.shortlease.domain.port.ConversationsPort;
import dev.shortlease.domain.port.MessagesPort;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Names a conversation from its first query: one short read of that query alone, then a model call
 * with no connection held, then (for auto-naming) a short write that never overwrites a name the
 * user chose. The model call is a {@linkplain ModelSideCalls side call}: bounded in number and
 * time. When the model fails, is too slow, or too many side calls run already, the first query,
 * shortened, is the name.
 */
public final class ConversationNamer {
  static final int FALLBACK_LENGTH = 50;
  private static final int MAX_NAME_LENGTH = 100;
  private static final String PROMPT =
      "You name conversations. Reply with a short title (at most eight words) for a conversation"
          + " that starts with the user's message. Reply with the title only.";

  private final AppsPort apps;
  private final MessagesPort messages;
  private final ConversationsPort conversations;
  private final ChatModelPort model;
  private final ModelSideCalls sideCalls;

  @Inject
  public ConversationNamer(
      AppsPort apps,
      MessagesPort messages,
      ConversationsPort conversations,
      ChatModelPort model,
      ModelSideCalls sideCalls) {
    this.apps = apps;
    this.messages = messages;
    this.conversations = conversations;
    this.model = model;
    this.sideCalls = sideCalls;
  }

  /** Names the conversation unless it has a name by now; true when it set one. */
  public boolean nameIfUnnamed(Owner owner, ConversationId conversationId) {
    return conversations.nameIfUnnamed(owner, conversationId, generate(owner, conversationId));
  }

  /** A name for the conversation; {@link NotFoundException} when it is not this owner's. */
  public String generate(Owner owner, ConversationId conversationId) {
    String firstQuery = messages.firstQuery(owner, conversationId).orElse("");
    ModelSettings settings =
        apps.findApp(owner.appId())
            .map(App::modelSettings)
            .orElseThrow(() -> new NotFoundException("app"));
    if (firstQuery.isBlank()) {
      return fallback(firstQuery);
    }
    ModelRequest request =
        new ModelRequest(
            settings,
            List.of(
                new ModelMessage.System(PROMPT), new ModelMessage.User(shorten(firstQuery, 2_000))),
            List.of());
    try {
      return sideCalls
          .tryCall(StopSignal.never(), stop -> model.chat(request, token -> {}, stop))
          .filter(reply -> reply.finishReason() != FinishReason.STOPPED)
          .map(reply -> clean(reply.text()))
          .filter(name -> !name.isEmpty())
          .orElseGet(() -> fallback(firstQuery));
    } catch (RuntimeException e) {
      return fallback(firstQuery);
    }
  }

  static String clean(String reply) {
    String line =
        reply.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    line = line.replaceFirst("(?i)^title\\s*:\\s*", "").replaceAll("^[\"'`*]+|[\"'`*.]+$", "");
    return shorten(Texts.storable(line.strip()), MAX_NAME_LENGTH);
  }

  static String fallback(String query) {
    String oneLine = query.strip().replaceAll("\\s+", " ");
    return oneLine.isEmpty() ? "New conversation" : shorten(oneLine, FALLBACK_LENGTH);
  }

  /** At most {@code max} characters (code points: an emoji is never cut in half). */
  private static String shorten(String text, int max) {
    if (!Texts.exceeds(text, max)) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max - 1)).strip() + "…";
  }
}
