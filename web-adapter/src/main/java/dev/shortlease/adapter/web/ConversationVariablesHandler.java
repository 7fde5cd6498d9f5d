package dev.shortlease.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortlease.application.port.in.ListConversationVariablesUseCase;
import dev.shortlease.application.port.in.UpdateConversationVariableUseCase;
import dev.shortlease.application.port.in.VariableTypeMismatchException;
import dev.shortlease.domain.App;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.ConversationVariable;
import dev.shortlease.domain.ConversationVariableId;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Page;
import dev.shortlease.domain.VariableValue;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Web adapter: {@code /v1/conversations/{id}/variables} (list) and {@code .../{variable_id}}
 * (update), for chat apps, with Dify's shapes and errors. A value is shown as Dify's {@code value}
 * string: a string as is, anything else as its JSON text.
 */
public final class ConversationVariablesHandler {
  /** Dify's allowed characters of the {@code variable_name} filter. */
  private static final Pattern NAME_FILTER = Pattern.compile("^[\\p{L}\\p{N}_.-]+$");

  private static final int NAME_FILTER_MAX = 255;

  private final ApiAuth auth;
  private final ListConversationVariablesUseCase list;
  private final UpdateConversationVariableUseCase update;
  private final WebSettings settings;

  @Inject
  public ConversationVariablesHandler(
      ApiAuth auth,
      ListConversationVariablesUseCase list,
      UpdateConversationVariableUseCase update,
      WebSettings settings) {
    this.auth = auth;
    this.list = list;
    this.update = update;
    this.settings = settings;
  }

  void list(Context ctx) {
    App app = auth.app(ctx);
    Modes.requireChat(app);
    ConversationId id = ConversationId.parse(ctx.pathParam("conversation_id"), "conversation_id");
    String lastId = QueryParams.optional(ctx, "last_id");
    int limit = QueryParams.limit(ctx);
    Page<ConversationVariable> page;
    try {
      page =
          list.list(
              app.id(),
              QueryParams.optionalUser(ctx),
              id,
              lastId == null ? null : ConversationVariableId.parse(lastId, "last_id"),
              limit,
              nameFilter(ctx.queryParam("variable_name")));
    } catch (NotFoundException e) {
      if (!"last_id".equals(e.what())) {
        throw e;
      }
      // Dify's unknown last_id is a bare ValueError: 400 invalid_param with an empty message.
      throw new ApiException(ApiError.invalidParam(""));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("limit", limit);
    body.put("has_more", page.hasMore());
    body.put("data", page.items().stream().map(ConversationVariablesHandler::variable).toList());
    Responses.ok(ctx, body);
  }

  void update(Context ctx) {
    App app = auth.app(ctx);
    Modes.requireChat(app);
    ConversationId id = ConversationId.parse(ctx.pathParam("conversation_id"), "conversation_id");
    ConversationVariableId variable =
        ConversationVariableId.parse(ctx.pathParam("variable_id"), "variable_id");
    JsonBody body = JsonRequest.read(ctx, settings.maxBodyBytes());
    JsonNode value = body.raw("value");
    if (value == null) {
      throw new ApiException(ApiError.invalidParam("value is required"));
    }
    String user = body.user();
    try {
      ConversationVariable changed =
          update.update(
              app.id(),
              user == null || user.isBlank() ? QueryParams.DEFAULT_USER : user,
              id,
              variable,
              new VariableValue(FormWire.value(value)));
      Responses.ok(ctx, variable(changed));
    } catch (VariableTypeMismatchException e) {
      throw new ApiException(
          new ApiError(
              400,
              "bad_request",
              "Type mismatch: variable '"
                  + e.name()
                  + "' expects "
                  + FormWire.variableType(e.expected())
                  + ", but got "
                  + inferredType(e.given())
                  + " type"));
    }
  }

  private static String nameFilter(String raw) {
    if (raw == null) {
      return null;
    }
    int length = raw.codePointCount(0, raw.length());
    if (length < 1 || length > NAME_FILTER_MAX) { // Dify's schema: 1..255 characters
      throw new ApiException(
          ApiError.invalidParam("variable_name must be between 1 and 255 characters"));
    }
    if (!NAME_FILTER.matcher(raw).matches()) {
      throw new ApiException(
          ApiError.invalidParam(
              "Variable name can only contain letters, numbers, hyphens (-), underscores (_),"
                  + " and periods (.)"));
    }
    return raw;
  }

  static Map<String, Object> variable(ConversationVariable v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", v.id().toString());
    m.put("name", v.name());
    m.put("value_type", FormWire.variableType(v.type()));
    m.put("value", v.value() instanceof String s ? s : Json.writeString(v.value()));
    m.put("description", v.description());
    m.put("created_at", v.createdAt() == null ? 0 : v.createdAt().getEpochSecond());
    m.put("updated_at", v.updatedAt() == null ? 0 : v.updatedAt().getEpochSecond());
    return m;
  }

  /** Dify's name for the type of a rejected value ({@code SegmentType.infer_segment_type}). */
  static String inferredType(Object value) {
    return switch (value) {
      case null -> "none";
      case Boolean b -> "boolean";
      case Integer i -> "integer";
      case Long l -> "integer";
      case java.math.BigInteger b -> "integer";
      case Number n -> "float";
      case String s -> "string";
      case Map<?, ?> m -> "object";
      case List<?> l -> arrayType(l);
      default -> "unknown";
    };
  }

  private static String arrayType(List<?> list) {
    List<String> kinds =
        list.stream().map(ConversationVariablesHandler::inferredType).distinct().toList();
    if (kinds.size() != 1) {
      return kinds.stream().allMatch(k -> k.equals("integer") || k.equals("float"))
              && !kinds.isEmpty()
          ? "array[number]"
          : "array[any]";
    }
    return switch (kinds.get(0)) {
      case "integer", "float" -> "array[number]";
      case "string" -> "array[string]";
      case "object" -> "array[object]";
      case "boolean" -> "array[boolean]";
      default -> "array[any]";
    };
  }
}
