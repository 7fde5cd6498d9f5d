package dev.shortlease.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Web adapter: the fields of the admin app shape that a PATCH cannot set ({@code id}, {@code mode},
 * {@code created_at}, the media switches' derived parts). Sent unchanged they are dropped, so a
 * client can send back what GET showed, edited; changed, they are refused by path, as ignoring them
 * would look applied.
 */
final class ReadOnlyFields {
  private static final List<String> TOP = List.of("id", "mode", "created_at");
  private static final Map<String, List<String>> IN_SWITCHES =
      Map.of(
          "file_upload", List.of("allowed_file_extensions", "image"),
          "text_to_speech", List.of("autoPlay"));

  /** 5 and 5.0 are one value: a client's JSON library may write either. */
  private static final Comparator<JsonNode> SAME =
      (a, b) ->
          a.equals(b)
                  || (a.isNumber()
                      && b.isNumber()
                      && a.decimalValue().compareTo(b.decimalValue()) == 0)
              ? 0
              : 1;

  private ReadOnlyFields() {}

  /** True when the body names any read-only field: only then is the stored app read to compare. */
  static boolean mentioned(JsonBody body) {
    if (TOP.stream().anyMatch(body::has)) {
      return true;
    }
    return IN_SWITCHES.entrySet().stream()
        .anyMatch(
            e ->
                body.raw(e.getKey()) instanceof ObjectNode o
                    && e.getValue().stream().anyMatch(o::has));
  }

  /** Drops each read-only field equal to {@code shown}'s (the app as GET shows it); else 400. */
  static void dropUnchanged(JsonBody body, JsonNode shown) {
    for (String field : TOP) {
      drop(body.raw(field), shown.get(field), field);
      body.remove(field);
    }
    IN_SWITCHES.forEach(
        (name, fields) -> {
          if (body.raw(name) instanceof ObjectNode switches) {
            for (String field : fields) {
              drop(switches.get(field), shown.get(name).get(field), name + "." + field);
              switches.remove(field);
            }
          }
        });
  }

  private static void drop(JsonNode sent, JsonNode stored, String path) {
    if (sent != null && !sent.equals(SAME, stored)) {
      throw new ApiException(
          ApiError.invalidParam(
              path + " is read-only; leave it out or send it as GET shows it: " + stored));
    }
  }
}
