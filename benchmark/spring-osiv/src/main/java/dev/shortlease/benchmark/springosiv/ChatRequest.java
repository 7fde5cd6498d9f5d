package dev.shortlease.benchmark.springosiv;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.UUID;

/** The body of {@code POST /v1/chat-messages}, in Dify's field names. */
public record ChatRequest(
    Map<String, Object> inputs,
    String query,
    @JsonProperty("response_mode") String responseMode,
    String user,
    @JsonProperty("conversation_id") UUID conversationId,
    @JsonProperty("auto_generate_name") Boolean autoGenerateName) {

  /** What this peer serves: a streaming chat with a query and a user. */
  void validate() {
    if (query == null || query.isBlank()) {
      throw new ApiException(400, "invalid_param", "query is required");
    }
    if (user == null || user.isBlank()) {
      throw new ApiException(400, "invalid_param", "user is required");
    }
    if (!"streaming".equals(responseMode)) {
      throw new ApiException(400, "invalid_param", "this peer serves response_mode=streaming only");
    }
  }
}
