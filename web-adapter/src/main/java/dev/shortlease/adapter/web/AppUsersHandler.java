package dev.shortlease.adapter.web;

import dev.shortlease.adapter.web.QueryParams.AboveMax;
import dev.shortlease.adapter.web.QueryParams.Check;
import dev.shortlease.application.port.in.GetEndUserUseCase;
import dev.shortlease.application.port.in.ListAppFeedbacksUseCase;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppFeedback;
import dev.shortlease.domain.EndUser;
import dev.shortlease.domain.EndUserId;
import dev.shortlease.domain.InvalidIdException;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Web adapter: what an app's end users did and who they are, across all of them: {@code GET
 * /v1/app/feedbacks} and {@code GET /v1/end-users/{id}}, scoped to the key's app. Times are ISO
 * 8601 here, as in Dify's answers for these two.
 */
public final class AppUsersHandler {
  private final ApiAuth auth;
  private final ListAppFeedbacksUseCase feedbacks;
  private final GetEndUserUseCase endUsers;

  @Inject
  public AppUsersHandler(
      ApiAuth auth, ListAppFeedbacksUseCase feedbacks, GetEndUserUseCase endUsers) {
    this.auth = auth;
    this.feedbacks = feedbacks;
    this.endUsers = endUsers;
  }

  void feedbacks(Context ctx) {
    App app = auth.app(ctx);
    // Any integer passes here: the use case checks it against Dify's ranges (limit 1..101).
    var page =
        feedbacks.list(
            app.id(),
            QueryParams.page(ctx, Check.INTEGER),
            QueryParams.limit(ctx, Check.INTEGER, AboveMax.KEEP));
    Responses.ok(ctx, Map.of("data", page.stream().map(f -> feedback(app, f)).toList()));
  }

  void endUser(Context ctx) {
    App app = auth.app(ctx);
    EndUserId id;
    try {
      id = EndUserId.parse(ctx.pathParam("end_user_id"), "end_user_id");
    } catch (InvalidIdException e) {
      // Dify's route takes only a UUID there: anything else is an unknown URL.
      throw new ApiException(ApiError.notFound("The requested URL was not found on the server."));
    }
    EndUser user =
        endUsers
            .get(app.id(), id)
            .orElseThrow(
                () ->
                    new ApiException(
                        new ApiError(404, "end_user_not_found", "End user not found.")));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", user.id().toString());
    body.put("tenant_id", app.id().toString()); // each app is its own tenant here
    body.put("app_id", app.id().toString());
    body.put("type", "service-api");
    body.put("external_user_id", user.externalId());
    body.put("name", null);
    body.put("is_anonymous", QueryParams.DEFAULT_USER.equals(user.externalId())); // as Dify has it
    body.put("session_id", user.externalId());
    body.put("created_at", iso(user.createdAt()));
    body.put("updated_at", iso(user.createdAt()));
    Responses.ok(ctx, body);
  }

  private static Map<String, Object> feedback(App app, AppFeedback f) {
    Map<String, Object> m = new LinkedHashMap<>();
    // A rating lives on its message here: its ID is derived from the message's, stable per message.
    m.put(
        "id",
        UUID.nameUUIDFromBytes(("feedback:" + f.messageId()).getBytes(StandardCharsets.UTF_8))
            .toString());
    m.put("app_id", app.id().toString());
    m.put("conversation_id", f.conversationId().toString());
    m.put("message_id", f.messageId().toString());
    m.put("rating", WireEnums.rating(f.feedback().rating()));
    m.put("content", f.feedback().content().isEmpty() ? null : f.feedback().content());
    m.put("from_source", "user");
    m.put("from_end_user_id", f.endUserId().toString());
    m.put("from_account_id", null);
    m.put("created_at", iso(f.ratedAt()));
    m.put("updated_at", iso(f.ratedAt()));
    return m;
  }

  private static String iso(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
