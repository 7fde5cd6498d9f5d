package dev.shortlease.application.port.in;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.EndUser;
import dev.shortlease.domain.InvalidInputException;
import dev.shortlease.domain.StructuredValues;
import dev.shortlease.domain.Texts;
import java.util.Map;
import java.util.Objects;

/**
 * Command: send {@code query} to an app as {@code user}, continuing {@code conversationId} or
 * starting a conversation when it is null. {@code inputs} are the form's values as the client sent
 * them (checked against the app's form by the use case). {@code completion} is true for the
 * completion endpoint, which takes its text from {@code inputs.query} and keeps no visible
 * conversation.
 */
public record SendMessageCommand(
    AppId appId,
    String user,
    String query,
    Map<String, Object> inputs,
    ConversationId conversationId,
    ResponseMode responseMode,
    boolean autoGenerateName,
    boolean completion) {

  public static final int MAX_QUERY_LENGTH = 100_000;

  public SendMessageCommand {
    Objects.requireNonNull(appId, "appId");
    user = EndUser.requireExternalId(user);
    inputs = StructuredValues.freeze(inputs);
    responseMode = responseMode == null ? ResponseMode.BLOCKING : responseMode;
    query = query == null ? "" : query;
    if (!completion && query.isBlank()) {
      throw new InvalidInputException("query", "is required");
    }
    Texts.requireAtMost(query, "query", MAX_QUERY_LENGTH);
  }
}
