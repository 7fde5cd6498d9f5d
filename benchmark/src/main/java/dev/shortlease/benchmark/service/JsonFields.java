package dev.shortlease.benchmark.service;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Benchmark harness: reads a field of a parsed JSON reply whether the service writes it camelCase
 * or snake_case. Not a JSON mapper of its own: parsing and writing are Jackson's, in {@link
 * ServiceClient}.
 */
public final class JsonFields {

  private JsonFields() {}

  /** An empty object, for a snapshot that could not be read. */
  public static JsonNode missing() {
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  /** {@code node.camelName} or {@code node.camel_name}; a missing node when neither exists. */
  public static JsonNode field(JsonNode node, String camelName) {
    JsonNode camel = node.path(camelName);
    if (!camel.isMissingNode()) {
      return camel;
    }
    return node.path(camelName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase());
  }
}
