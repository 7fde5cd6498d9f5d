package dev.shortlease.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Web adapter: a request's JSON object body, read with a size cap, with typed accessors whose
 * errors name the offending field by its path from the body's root ({@code file_upload.enabled},
 * {@code files[1].type}; 400 {@code invalid_param}).
 */
final class JsonBody {
  private final ObjectNode node;
  // "" at the root; "file_upload." or "files[1]." for a nested object
  private final String path;

  private JsonBody(ObjectNode node, String path) {
    this.node = node;
    this.path = path;
  }

  private JsonBody(ObjectNode node) {
    this(node, "");
  }

  /** {@code field} as the client wrote it from the body's root, for error messages. */
  String path(String field) {
    return path + field;
  }

  /** Reads at most {@code maxBytes}; a larger body is a 413, whatever its Content-Length says. */
  static JsonBody read(Context ctx, int maxBytes) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      throw new ApiException(ErrorMapping.tooLarge());
    }
    byte[] body = PrefetchedBody.of(ctx);
    if (body == null) {
      try (InputStream in = ctx.req().getInputStream()) {
        body = PrefetchedBody.read(in, declared, maxBytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (body.length > maxBytes) {
      throw new ApiException(ErrorMapping.tooLarge());
    }
    return new JsonBody(Json.parseObject(body));
  }

  /** Like {@link #read}, but an empty body counts as {@code {}}. */
  static JsonBody readOrEmpty(Context ctx, int maxBytes) {
    if (ctx.req().getContentLengthLong() == 0) {
      return new JsonBody(Json.MAPPER.createObjectNode());
    }
    return read(ctx, maxBytes);
  }

  /**
   * Refuses a field not in {@code known} (400 naming it and listing the known ones): for the admin
   * API, where a misspelt setting silently ignored would look applied.
   */
  JsonBody requireOnly(List<String> known) {
    for (String field : (Iterable<String>) node::fieldNames) {
      if (!known.contains(field)) {
        throw invalid(field, "is not a field here; the fields are " + String.join(", ", known));
      }
    }
    return this;
  }

  boolean has(String field) {
    return node.hasNonNull(field);
  }

  /** The string value, or null when absent or JSON null. */
  String text(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw invalid(field, "must be a string");
    }
    return value.textValue();
  }

  /**
   * Dify's {@code user}: text, or a number taken as its text (Dify calls {@code str()} on it,
   * api/controllers/service_api/wraps.py); null when absent.
   */
  String user() {
    JsonNode value = node.get("user");
    if (value != null && value.isNumber()) {
      return value.isIntegralNumber() ? value.bigIntegerValue().toString() : value.asText();
    }
    return text("user");
  }

  /** Dify's required {@code inputs} object (its request schemas declare it required). */
  void requireInputs() {
    if (!node.has("inputs") || node.get("inputs").isNull()) {
      throw invalid("inputs", "is required");
    }
  }

  boolean bool(String field, boolean fallback) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isBoolean()) {
      throw invalid(field, "must be a boolean");
    }
    return value.booleanValue();
  }

  Boolean optionalBool(String field) {
    return has(field) ? bool(field, false) : null;
  }

  Double optionalNumber(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      throw invalid(field, "must be a number");
    }
    return value.doubleValue();
  }

  /**
   * An integer from {@code min} to {@code max}, or null when absent. Anything else, a number too
   * large for an int included, is refused with the range, so the client learns the limit.
   */
  Integer optionalInt(String field, int min, int max) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!isIntBetween(value, min, max)) {
      throw invalid(field, mustBeIntegerBetween(min, max));
    }
    return value.intValue();
  }

  /** Whether {@code value} is a JSON integer from {@code min} to {@code max}. */
  static boolean isIntBetween(JsonNode value, int min, int max) {
    return value.isIntegralNumber()
        && value.canConvertToInt()
        && value.intValue() >= min
        && value.intValue() <= max;
  }

  static String mustBeIntegerBetween(int min, int max) {
    return "must be an integer between " + min + " and " + max;
  }

  /**
   * Dify's {@code inputs}: an object whose values keep their JSON types (a number stays a number);
   * the app's form decides what is accepted. A JSON null counts as not given.
   */
  Map<String, Object> inputs(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Map.of();
    }
    if (!value.isObject()) {
      throw invalid(field, "must be an object");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    value
        .properties()
        .forEach(
            e -> {
              if (!e.getValue().isNull()) {
                map.put(e.getKey(), FormWire.value(e.getValue()));
              }
            });
    return map;
  }

  /** Takes {@code field} out of the body (a read-only field sent unchanged). */
  void remove(String field) {
    node.remove(field);
  }

  /** The raw JSON of a field, or null when absent; for values of any type. */
  JsonNode raw(String field) {
    return node.get(field);
  }

  List<String> optionalTextList(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      throw invalid(field, "must be an array of strings");
    }
    List<String> list = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw invalid(field, "must be an array of strings");
      }
      list.add(item.textValue());
    }
    return list;
  }

  /** A nested object, or null when absent. */
  JsonBody optionalObject(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!(value instanceof ObjectNode object)) {
      throw invalid(field, "must be an object");
    }
    return new JsonBody(object, path(field) + ".");
  }

  /** An array of objects (Dify's {@code files}), empty when absent. */
  List<JsonBody> objectList(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw invalid(field, "must be an array of objects");
    }
    List<JsonBody> list = new ArrayList<>();
    for (JsonNode item : value) {
      if (!(item instanceof ObjectNode object)) {
        throw invalid(field, "must be an array of objects");
      }
      list.add(new JsonBody(object, path(field) + "[" + list.size() + "]."));
    }
    return list;
  }

  private ApiException invalid(String field, String problem) {
    return new ApiException(ApiError.invalidParam(path(field) + " " + problem));
  }
}
