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
    @JsonProperty("auto_generate_name") Boolean autoGenerateName) {}
