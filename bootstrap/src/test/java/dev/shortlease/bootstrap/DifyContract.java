package dev.shortlease.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks an HTTP answer against two OpenAPI 3.0 documents in src/test/resources/dify: Dify's
 * published Service API ({@code openapi_service.json}, unchanged) and our stricter one ({@code
 * shortlease-strict.openapi.json}), which names the fields a client relies on as {@code required}
 * (Dify's schemas declare almost none), gives the error body's shape, and describes the routes
 * Dify's document lacks. An answer must satisfy every schema either document has for it, and a
 * success must have a strict schema, so a new endpoint cannot pass on Dify's loose schemas alone.
 *
 * <p>Event streams are checked event by event: the schema is the one Dify's discriminator maps the
 * event's name to ({@code ChunkChatEvent} for chat apps, {@code ChunkCompletionEvent} for
 * completion), and the strict document's component of the same name.
 */
final class DifyContract {
  static final String DIFY = "dify/openapi_service.json";
  static final String STRICT = "dify/shortlease-strict.openapi.json";
  static final String CORRECTIONS = "dify/dify-corrections.json";
  private static final String ERROR_SCHEMA = "#/components/schemas/Error";

  private final Document dify = new Document(DIFY);
  private final Document strict = new Document(STRICT);

  /**
   * What is wrong with {@code reply} as the answer of {@code route} ("METHOD /v1/path/{param}", as
   * {@code HttpApi.routes()} writes it); empty when it conforms.
   */
  List<String> violations(String route, Api.Reply reply) {
    return violations(
        route,
        reply.status(),
        reply.raw().headers().firstValue("Content-Type").orElse(""),
        reply.text());
  }

  /** Whether either document has {@code route} ("METHOD /v1/path/{param}"). */
  boolean documents(String route) {
    String[] parts = route.split(" ", 2);
    String method = parts[0].toLowerCase(Locale.ROOT);
    String path = parts[1].startsWith("/v1/") ? parts[1].substring(3) : parts[1];
    return !dify.operation(path, method).isMissingNode()
        || !strict.operation(path, method).isMissingNode();
  }

  /** As {@link #violations(String, Api.Reply)}, from the answer's parts. */
  List<String> violations(String route, int status, String contentType, String text) {
    String[] parts = route.split(" ", 2);
    String method = parts[0].toLowerCase(Locale.ROOT);
    String path = parts[1].startsWith("/v1/") ? parts[1].substring(3) : parts[1];
    JsonNode difyOperation = dify.operation(path, method);
    JsonNode strictOperation = strict.operation(path, method);
    List<String> problems = new ArrayList<>();
    if (difyOperation.isMissingNode() && strictOperation.isMissingNode()) {
      problems.add(route + " is in neither Dify's OpenAPI nor " + STRICT);
      return problems;
    }
    String where = route + " " + status + ": ";
    if (status >= 400) {
      checkError(status, text, difyOperation, where, problems);
      return problems;
    }
    String statusKey = Integer.toString(status);
    String difyResponse = dify.response(difyOperation, path, method, statusKey);
    String strictResponse = strict.response(strictOperation, path, method, statusKey);
    if (difyResponse == null && strictResponse == null) {
      problems.add(where + "status " + status + " is in neither document for this route");
      return problems;
    }
    if (status == 204) {
      if (!text.isEmpty()) {
        problems.add(where + "a 204 has a body: " + text);
      }
      return problems;
    }
    if (contentType.startsWith("text/event-stream")) {
      checkStream(route, text, where, problems);
    } else if (contentType.startsWith("application/json")) {
      JsonNode body = parse(text);
      if (body == null) {
        problems.add(where + "not JSON: " + text);
        return problems;
      }
      String difySchema =
          difyResponse == null ? null : dify.schemaOf(difyResponse, "application/json");
      String strictSchema =
          strictResponse == null ? null : strict.schemaOf(strictResponse, "application/json");
      if (strictSchema == null && difySchema != null) {
        strictSchema = strict.component(dify.node(difySchema).path("$ref").asText(""));
      }
      if (strictSchema == null) {
        problems.add(where + "no schema in " + STRICT + " (add one with its required fields)");
      }
      validate(dify, difySchema, body, where + "Dify: ", problems);
      validate(strict, strictSchema, body, where + "strict: ", problems);
    } else if (!dify.hasMedia(difyResponse, contentType)
        && !strict.hasMedia(strictResponse, contentType)) {
      // Bytes (audio, a file's preview): the media type must be one a document lists.
      problems.add(where + "Content-Type '" + contentType + "' is in neither document");
    }
    return problems;
  }

  private void checkError(
      int status, String text, JsonNode difyOperation, String where, List<String> problems) {
    JsonNode body = parse(text);
    if (body == null) {
      problems.add(where + "the error body is not JSON: " + text);
      return;
    }
    validate(strict, ERROR_SCHEMA, body, where + "error: ", problems);
    if (body.path("status").asInt() != status) {
      problems.add(where + "the body's status is " + body.path("status") + ": " + body);
    }
    // Where Dify lists the codes of this status (its examples), ours must be one of them.
    Set<String> codes = dify.exampleCodes(difyOperation, Integer.toString(status));
    if (!codes.isEmpty() && !codes.contains(body.path("code").asText())) {
      problems.add(where + "code '" + body.path("code").asText() + "' is not one of " + codes);
    }
  }

  private void checkStream(String route, String text, String where, List<String> problems) {
    String base =
        route.contains("/completion-messages")
            ? "#/components/schemas/ChunkCompletionEvent"
            : "#/components/schemas/ChunkChatEvent";
    JsonNode mapping = dify.node(base).path("discriminator").path("mapping");
    List<JsonNode> events = new ArrayList<>();
    for (String block : text.split("\n\n")) {
      if (block.startsWith("data: ")) {
        JsonNode event = parse(block.substring(6));
        if (event == null) {
          problems.add(where + "an event that is not JSON: " + block);
        } else {
          events.add(event);
        }
      }
    }
    if (events.isEmpty()) {
      problems.add(where + "no events");
    }
    for (JsonNode event : events) {
      String name = event.path("event").asText();
      String difySchema = mapping.path(name).asText(null);
      String at = where + "event '" + name + "': ";
      if (difySchema == null) {
        problems.add(at + "not an event of " + base);
        continue;
      }
      String strictSchema = strict.component(difySchema);
      if (strictSchema == null) {
        problems.add(at + "no " + difySchema + " in " + STRICT);
      }
      validate(dify, difySchema, event, at + "Dify: ", problems);
      validate(strict, strictSchema, event, at + "strict: ", problems);
    }
  }

  private static JsonNode parse(String text) {
    try {
      return Api.JSON.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }

  private static void validate(
      Document document, String pointer, JsonNode body, String where, List<String> problems) {
    if (pointer == null) {
      return;
    }
    for (Error error : document.schema(pointer).validate(body)) {
      problems.add(where + error.getInstanceLocation() + " " + error.getMessage() + " in " + body);
    }
  }

  /** One OpenAPI document on the test class path, its schemas loaded by JSON pointer. */
  private static final class Document {
    private final String resource;
    private final JsonNode root;
    private final SchemaRegistry registry;

    Document(String resource) {
      this.resource = resource;
      this.root = read(resource);
      // Dify's document writes tagged unions (a user_input_form item is {"text-input": …} or
      // {"paragraph": …} …) as oneOf over branches that require nothing, so any item matches
      // every branch and oneOf rejects it. Read as anyOf: the branches still check their fields.
      if (resource.equals(DIFY)) {
        oneOfAsAnyOf(root);
        correct(root);
      }
      String text = root.toString();
      this.registry =
          SchemaRegistry.withDialect(Dialects.getOpenApi30(), b -> b.schemas(Map.of(iri(), text)));
    }

    private static JsonNode read(String resource) {
      try (InputStream in = DifyContract.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("no " + resource + " on the test class path");
        }
        return Api.JSON.readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Where the registry finds the (corrected) text: never fetched, served from memory. */
    private String iri() {
      return "https://shortlease.invalid/" + resource;
    }

    /** Applies dify-corrections.json: what Dify's server sends and its document does not say. */
    private static void correct(JsonNode root) {
      for (JsonNode correction : read(CORRECTIONS).path("corrections")) {
        String pointer = correction.path("pointer").asText();
        if (!(root.at(pointer) instanceof ObjectNode target)) {
          throw new IllegalStateException(CORRECTIONS + ": nothing at " + pointer + " to correct");
        }
        target.setAll((ObjectNode) correction.path("set"));
      }
    }

    private static void oneOfAsAnyOf(JsonNode node) {
      if (node instanceof ObjectNode object && object.has("oneOf")) {
        object.set("anyOf", object.remove("oneOf"));
      }
      node.forEach(DifyContract.Document::oneOfAsAnyOf);
    }

    JsonNode operation(String path, String method) {
      return root.path("paths").path(path).path(method);
    }

    /** The pointer to the response of {@code status}, its {@code $ref} followed; null if none. */
    String response(JsonNode operation, String path, String method, String status) {
      JsonNode response = operation.path("responses").path(status);
      if (response.isMissingNode()) {
        return null;
      }
      if (response.has("$ref")) {
        return response.get("$ref").asText();
      }
      return "#/paths/" + escape(path) + "/" + method + "/responses/" + status;
    }

    /** The pointer to the schema of {@code mediaType} in a response; null if it has none. */
    String schemaOf(String responsePointer, String mediaType) {
      String pointer = responsePointer + "/content/" + escape(mediaType) + "/schema";
      return node(pointer).isMissingNode() ? null : pointer;
    }

    /**
     * Whether the response lists {@code contentType}, or a range holding it ("audio/*", "*\/*").
     */
    boolean hasMedia(String responsePointer, String contentType) {
      if (responsePointer == null) {
        return false;
      }
      String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
      String range = type.split("/", 2)[0] + "/*";
      JsonNode content = node(responsePointer).path("content");
      return content.has(type) || content.has(range) || content.has("*/*");
    }

    /** {@code ref} ("#/components/schemas/Name") when this document has it; else null. */
    String component(String ref) {
      return ref.startsWith("#/components/schemas/") && !node(ref).isMissingNode() ? ref : null;
    }

    /** The {@code code} values of the examples of a response; Dify documents errors this way. */
    Set<String> exampleCodes(JsonNode operation, String status) {
      Set<String> codes = new HashSet<>();
      JsonNode examples =
          operation.path("responses").path(status).path("content").path("application/json");
      examples.path("examples").forEach(e -> codes.add(e.path("value").path("code").asText()));
      codes.remove("");
      return codes;
    }

    JsonNode node(String pointer) {
      if (!pointer.startsWith("#")) {
        return MissingNode.getInstance();
      }
      return root.at(pointer.substring(1));
    }

    Schema schema(String pointer) {
      return registry.getSchema(SchemaLocation.of(iri() + pointer));
    }

    private static String escape(String token) {
      return token.replace("~", "~0").replace("/", "~1");
    }
  }
}
