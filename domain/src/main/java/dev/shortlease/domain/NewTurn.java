package dev.shortlease.domain;

import java.util.Map;
import java.util.Objects;

/**
 * Everything the short "start" transaction (T2) needs: the app, the end user's external ID, the
 * conversation to continue ({@code null} starts a new one), the query and the inputs.
 */
public record NewTurn(
    AppId appId,
    String user,
    ConversationId conversationId,
    String query,
    Map<String, String> inputs) {

  public NewTurn {
    Objects.requireNonNull(appId, "appId");
    user = EndUser.requireExternalId(user);
    query = query == null ? "" : query;
    inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
  }
}
