package dev.shortlease.adapter.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Web adapter: the size caps of a chat request's {@code inputs}, checked as the body is parsed,
 * before anything is saved. Inputs are copied onto every message of a conversation and returned by
 * every history page, so without a cap one client could make each page of {@code GET /v1/messages}
 * as large as a hundred request bodies. A request over a cap is a 400 {@code invalid_param} naming
 * {@code inputs} and changes nothing. (Per-app form rules — required fields, types — are a separate
 * check.)
 *
 * @param maxKeys most keys one {@code inputs} object may have
 * @param maxBytes most UTF-8 bytes of all keys and values together, each value as the text it is
 *     sent on as (a number or object counts as its JSON text)
 */
public record InputsLimits(int maxKeys, int maxBytes) {
  /**
   * A form of fifty fields is far larger than any app form in practice; 16 KiB holds a few
   * paragraphs of form text while a full history page (100 messages) of it stays under 2 MiB.
   */
  public static final InputsLimits DEFAULTS = new InputsLimits(50, 16_384);

  public InputsLimits {
    if (maxKeys < 0 || maxBytes < 0) {
      throw new IllegalArgumentException("maxKeys and maxBytes must be 0 or more");
    }
  }

  /**
   * {@code inputs} when within the caps, else an {@link ApiException} (400). {@code exempt} names
   * an entry that is not counted (the completion endpoint's {@code query}, which is the query and
   * has the query's own limit), or is null.
   */
  Map<String, Object> check(Map<String, Object> inputs, String exempt) {
    if (inputs.size() > maxKeys) {
      throw new ApiException(
          ApiError.invalidParam(
              "inputs must have at most %d keys, had %d".formatted(maxKeys, inputs.size())));
    }
    long bytes = 0;
    for (Map.Entry<String, Object> e : inputs.entrySet()) {
      if (!e.getKey().equals(exempt)) {
        bytes += utf8Length(e.getKey()) + utf8Length(asText(e.getValue()));
      }
    }
    if (bytes > maxBytes) {
      throw new ApiException(
          ApiError.invalidParam(
              "inputs must be at most %d bytes (keys and values, UTF-8), had %d"
                  .formatted(maxBytes, bytes)));
    }
    return inputs;
  }

  /** A value as the text it is sent on as: a string itself, anything else its JSON text. */
  private static String asText(Object value) {
    return value instanceof String text ? text : Json.writeString(value);
  }

  private static long utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
