package dev.shortlease.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the short "start" transaction (T2) needs: the app, the end user's external ID, the
 * conversation to continue ({@code null} starts a new one), the query, the inputs (kept by a new
 * conversation; a later turn runs with the conversation's) and the conversation variables a new
 * conversation starts with.
 */
public record NewTurn(
    AppId appId,
    String user,
    ConversationId conversationId,
    String query,
    Map<String, Object> inputs,
    List<VariableDeclaration> conversationVariables) {

  public NewTurn {
    Objects.requireNonNull(appId, "appId");
    user = EndUser.requireExternalId(user);
    query = query == null ? "" : query;
    inputs = StructuredValues.freeze(inputs);
    conversationVariables = VariableDeclaration.uniqueCopy(conversationVariables);
  }

  /** A turn whose new conversation gets no variables. */
  public NewTurn(
      AppId appId,
      String user,
      ConversationId conversationId,
      String query,
      Map<String, Object> inputs) {
    this(appId, user, conversationId, query, inputs, List.of());
  }
}
