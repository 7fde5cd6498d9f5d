package dev.shortlease.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * Web adapter: text holding the NUL character (U+0000) is refused where it comes in, with a 400
 * naming the field. PostgreSQL's text and JSON types cannot store it, so it would otherwise reach
 * the first save and fail there as a 500.
 */
final class NulCharacters {
  private static final String PROBLEM = " must not contain the NUL character (\\u0000)";

  private NulCharacters() {}

  /** Every string and key of a JSON body, at any depth. */
  static void refuseIn(JsonNode body) {
    String path = find(body);
    if (path != null) {
      throw refusal(path.isEmpty() ? "the body" : path.substring(path.charAt(0) == '.' ? 1 : 0));
    }
  }

  /** Every query parameter of the request. */
  static void refuseInQuery(Context ctx) {
    String query = ctx.queryString();
    if (query == null || !query.contains("%00")) {
      return; // the usual case, without decoding the parameters a second time
    }
    for (Map.Entry<String, List<String>> param : ctx.queryParamMap().entrySet()) {
      if (param.getKey().indexOf(0) >= 0
          || param.getValue().stream().anyMatch(v -> v.indexOf(0) >= 0)) {
        throw refusal(param.getKey().replace('\0', '?'));
      }
    }
  }

  /** One text field (a multipart field, a file name). */
  static String refuseIn(String field, String value) {
    if (value != null && value.indexOf(0) >= 0) {
      throw refusal(field);
    }
    return value;
  }

  /**
   * The path below {@code node} of the first string or key holding NUL ("" for {@code node}
   * itself), or null; built only when found, since every chat's body passes through here.
   */
  private static String find(JsonNode node) {
    if (node.isTextual()) {
      return node.textValue().indexOf(0) >= 0 ? "" : null;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String found = find(node.get(i));
        if (found != null) {
          return "[" + i + "]" + found;
        }
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String key = field.getKey();
        String found = key.indexOf(0) >= 0 ? "" : find(field.getValue());
        if (found != null) {
          return "." + key.replace('\0', '?') + found;
        }
      }
    }
    return null;
  }

  /** The 400 for NUL in {@code field}; also for a NUL Jetty finds in a multipart filename. */
  static ApiException refusal(String field) {
    return new ApiException(ApiError.invalidParam(field + PROBLEM));
  }
}
