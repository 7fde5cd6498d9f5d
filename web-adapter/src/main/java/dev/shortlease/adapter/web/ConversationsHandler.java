package dev.shortlease.adapter.web;

import dev.shortlease.application.port.in.DeleteConversationUseCase;
import dev.shortlease.application.port.in.ListConversationsUseCase;
import dev.shortlease.application.port.in.RenameConversationUseCase;
import dev.shortlease.domain.App;
import dev.shortlease.domain.ConversationId;
import io.javalin.http.Context;
import jakarta.inject.Inject;

/** Web adapter: {@code /v1/conversations}: list, rename, delete. */
public final class ConversationsHandler {
  private final ApiAuth auth;
  private final ListConversationsUseCase list;
  private final RenameConversationUseCase rename;
  private final DeleteConversationUseCase delete;
  private final WebSettings settings;

  @Inject
  public ConversationsHandler(
      ApiAuth auth,
      ListConversationsUseCase list,
      RenameConversationUseCase rename,
      DeleteConversationUseCase delete,
      WebSettings settings) {
    this.auth = auth;
    this.list = list;
    this.rename = rename;
    this.delete = delete;
    this.settings = settings;
  }

  void list(Context ctx) {
    App app = auth.app(ctx);
    Modes.requireChat(app);
    String lastId = QueryParams.optional(ctx, "last_id");
    int limit = QueryParams.limit(ctx);
    var page =
        list.list(
            app.id(),
            QueryParams.optionalUser(ctx),
            lastId == null ? null : ConversationId.parse(lastId, "last_id"),
            limit,
            WireEnums.sort(ctx.queryParam("sort_by")));
    Responses.ok(ctx, HistoryWire.conversations(page, limit, app.openingStatement()));
  }

  void rename(Context ctx) {
    App app = auth.app(ctx);
    Modes.requireChat(app);
    ConversationId id = ConversationId.parse(ctx.pathParam("conversation_id"), "conversation_id");
    JsonBody body = JsonRequest.read(ctx, settings.maxBodyBytes());
    var renamed =
        rename.rename(
            app.id(),
            userOrDefault(body),
            id,
            body.text("name"),
            body.bool("auto_generate", false));
    Responses.ok(ctx, HistoryWire.conversation(renamed, app.openingStatement()));
  }

  void delete(Context ctx) {
    App app = auth.app(ctx);
    Modes.requireChat(app);
    ConversationId id = ConversationId.parse(ctx.pathParam("conversation_id"), "conversation_id");
    JsonBody body = JsonRequest.readOrEmpty(ctx, settings.maxBodyBytes());
    delete.delete(app.id(), userOrDefault(body), id);
    ctx.status(204);
  }

  private static String userOrDefault(JsonBody body) {
    String user = body.user();
    return user == null || user.isBlank() ? QueryParams.DEFAULT_USER : user;
  }
}
