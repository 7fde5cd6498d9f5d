package dev.shortlease.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortlease.domain.Texts;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * Web adapter: text the database cannot store as sent is refused where it comes in, with a 400
 * naming the field. PostgreSQL's text and JSON types refuse the NUL character (U+0000), so it would
 * otherwise fail the first save as a 500; a surrogate without its pair, which JSON's {@code \\u}
 * escapes can carry, is no character, and PostgreSQL's driver would save it as {@code ?} (H2 as
 * sent).
 */
final class UnstorableText {
  private static final String PROBLEM = " must not contain the NUL character (\\u0000)";

  private UnstorableText() {}

  /** Every string and key of a JSON body, at any depth. */
  static void refuseIn(JsonNode body) {
    Found found = find(body);
    if (found != null) {
      String path = found.path();
      String field = path.isEmpty() ? "the body" : path.substring(path.charAt(0) == '.' ? 1 : 0);
      throw new ApiException(ApiError.invalidParam(field + found.problem()));
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
    String problem = value == null ? null : problem(value);
    if (problem != null) {
      throw new ApiException(ApiError.invalidParam(field + problem));
    }
    return value;
  }

  /** What makes {@code text} unstorable, as the end of a sentence naming its field, or null. */
  private static String problem(String text) {
    if (text.indexOf(0) >= 0) {
      return PROBLEM;
    }
    int half = Texts.unpairedSurrogate(text);
    return half < 0
        ? null
        : " must not contain half of a surrogate pair (\\u%04x)".formatted((int) text.charAt(half));
  }

  /** Where below a JSON node the first unstorable string or key is, and what is wrong with it. */
  private record Found(String path, String problem) {
    Found below(String step) {
      return new Found(step + path, problem);
    }
  }

  /**
   * The first string or key holding unstorable text below {@code node} (path "" for {@code node}
   * itself), or null; the path is built only when found, since every chat's body passes here.
   */
  private static Found find(JsonNode node) {
    if (node.isTextual()) {
      String problem = problem(node.textValue());
      return problem == null ? null : new Found("", problem);
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Found found = find(node.get(i));
        if (found != null) {
          return found.below("[" + i + "]");
        }
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String key = field.getKey();
        String problem = problem(key);
        Found found = problem != null ? new Found("", problem) : find(field.getValue());
        if (found != null) {
          return found.below("." + key.replace('\0', '?'));
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
