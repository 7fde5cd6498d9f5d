package dev.shortlease.adapter.web;

import dev.shortlease.application.port.in.ListMessageFilesUseCase;
import dev.shortlease.application.port.in.ListMessagesUseCase;
import dev.shortlease.application.port.in.RateMessageUseCase;
import dev.shortlease.application.port.in.SuggestQuestionsUseCase;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.domain.App;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.EndUser;
import dev.shortlease.domain.MessageFile;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.Rating;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Web adapter: {@code /v1/messages} (history), its feedbacks and its suggested questions. */
public final class MessagesHandler {
  private static final Duration PRESENCE_CHECK_INTERVAL = Duration.ofMillis(500);

  private final ApiAuth auth;
  private final ListMessagesUseCase list;
  private final RateMessageUseCase rate;
  private final SuggestQuestionsUseCase suggest;
  private final WebSettings settings;
  private final ListMessageFilesUseCase files;

  @Inject
  public MessagesHandler(
      ApiAuth auth,
      ListMessagesUseCase list,
      RateMessageUseCase rate,
      SuggestQuestionsUseCase suggest,
      WebSettings settings,
      ListMessageFilesUseCase files) {
    this.auth = auth;
    this.list = list;
    this.rate = rate;
    this.suggest = suggest;
    this.settings = settings;
    this.files = files;
  }

  void list(Context ctx) {
    App app = auth.app(ctx);
    Modes.requireChat(app);
    ConversationId conversation =
        ConversationId.parse(ctx.queryParam("conversation_id"), "conversation_id");
    String firstId = QueryParams.optional(ctx, "first_id");
    int limit = QueryParams.limit(ctx);
    String user = QueryParams.optionalUser(ctx);
    var page =
        list.list(
            app.id(),
            user,
            conversation,
            firstId == null ? null : MessageId.parse(firstId, "first_id"),
            limit);
    // One more short read for the page's files, after the page's own.
    Map<MessageId, List<MessageFile>> attached =
        files.filesOf(
            app.id(), user, page.items().stream().map(item -> item.message().id()).toList());
    Responses.ok(
        ctx,
        HistoryWire.messages(
            page,
            limit,
            id ->
                List.copyOf(
                    FileWire.messageFiles(id, attached.getOrDefault(id, List.of()), user))));
  }

  void feedback(Context ctx) {
    App app = auth.app(ctx);
    MessageId message = MessageId.parse(ctx.pathParam("message_id"), "message_id");
    JsonBody body = JsonRequest.read(ctx, settings.maxBodyBytes());
    String user = EndUser.requireExternalId(body.user());
    Rating rating = WireEnums.ratingOrNull(body.text("rating"));
    rate.rate(app.id(), user, message, rating, body.text("content"));
    Responses.ok(ctx, Responses.SUCCESS);
  }

  /**
   * The model call is stopped when the client hangs up: a watcher looks every {@link
   * #PRESENCE_CHECK_INTERVAL} (as blocking chats do, {@link ClientPresence}) while the request's
   * thread waits for the model.
   */
  void suggested(Context ctx) {
    App app = auth.app(ctx);
    Modes.requireChat(app);
    MessageId message = MessageId.parse(ctx.pathParam("message_id"), "message_id");
    String user = EndUser.requireExternalId(ctx.queryParam("user"));
    StopSignal clientGone = new StopSignal();
    Thread watcher = Thread.ofVirtual().start(() -> watch(ClientPresence.of(ctx), clientGone));
    List<String> questions;
    try {
      questions = suggest.suggest(app.id(), user, message, clientGone);
    } finally {
      watcher.interrupt();
    }
    if (!clientGone.isRequested()) {
      Responses.ok(ctx, Map.of("result", "success", "data", questions));
    }
  }

  private static void watch(BooleanSupplier connected, StopSignal clientGone) {
    try {
      while (true) {
        Thread.sleep(PRESENCE_CHECK_INTERVAL);
        if (!connected.getAsBoolean()) {
          clientGone.request();
          return;
        }
      }
    } catch (InterruptedException e) {
      // the answer is ready: stop watching
    }
  }
}
