package dev.shortlease.adapter.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.core.util.RecyclerPool;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Web adapter: the one JSON mapper, with Dify's snake_case wire names. */
final class Json {
  /**
   * Jackson's buffers (a few KiB of {@code char[]} and {@code byte[]} per parser or generator) come
   * from a shared pool, not from its default per-thread pool: every request runs on a new virtual
   * thread, so a per-thread pool recycles nothing — each request allocated a fresh set, and the
   * thread of every open stream kept its set (softly referenced) for as long as the stream was
   * open, ~8 KiB per stream in a heap profile with 10,000 streams open.
   */
  static final RecyclerPool<BufferRecycler> BUFFERS = JsonRecyclerPools.newBoundedPool(64);

  static final ObjectMapper MAPPER =
      JsonMapper.builder(JsonFactory.builder().recyclerPool(BUFFERS).build())
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private Json() {}

  static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String writeString(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * JSON text embedded in a string field ({@code tool_input}, {@code observation}), written as Dify
   * writes it (Python's {@code json.dumps}: {@code ", "} and {@code ": "} separators, no ASCII
   * escaping); the empty string for an empty map, as Dify has it for a thought without tools.
   */
  static String embeddedText(Map<String, ?> value) {
    if (value.isEmpty()) {
      return "";
    }
    try {
      return MAPPER.writer(new PythonStyle()).writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Python's default separators: a space after every comma and colon, nothing else. */
  private static final class PythonStyle extends MinimalPrettyPrinter {
    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }
  }

  /**
   * Parses a request body that must be one JSON object: no JSON (or none at all) is Dify's 400
   * {@code bad_request}, other JSON a 400 {@code invalid_param}.
   */
  static ObjectNode parseObject(byte[] body) {
    JsonNode node;
    try {
      node = body.length == 0 ? null : MAPPER.readTree(body);
    } catch (IOException e) {
      throw new ApiException(ApiError.badJson());
    }
    if (node == null) {
      throw new ApiException(ApiError.badJson());
    }
    if (node instanceof ObjectNode object) {
      UnstorableText.refuseIn(object);
      return object;
    }
    throw new ApiException(ApiError.invalidParam("The request body must be a JSON object."));
  }
}
