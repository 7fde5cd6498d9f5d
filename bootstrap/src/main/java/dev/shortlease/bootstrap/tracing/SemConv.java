package dev.shortlease.bootstrap.tracing;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * Tracing: the attribute keys the spans carry. OpenTelemetry's semantic conventions (HTTP, GenAI,
 * database client) where one fits, spelled out here rather than taken from the incubating semconv
 * artifact, whose GenAI keys are still renamed between releases; {@code shortlease.*} for what no
 * convention names (docs/observability.md lists every one).
 */
final class SemConv {
  private SemConv() {}

  /** What a span covers: server, transaction, lease, model, tool (for timelines and queries). */
  static final AttributeKey<String> SHORTLEASE_SPAN = AttributeKey.stringKey("shortlease.span");

  // HTTP server (stable conventions)
  static final AttributeKey<String> HTTP_REQUEST_METHOD =
      AttributeKey.stringKey("http.request.method");
  static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");
  static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE =
      AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
  static final AttributeKey<String> URL_SCHEME = AttributeKey.stringKey("url.scheme");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<String> CLIENT_ADDRESS = AttributeKey.stringKey("client.address");
  static final AttributeKey<String> USER_AGENT_ORIGINAL =
      AttributeKey.stringKey("user_agent.original");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("shortlease.request.id");

  // code and database
  static final AttributeKey<String> CODE_FUNCTION_NAME =
      AttributeKey.stringKey("code.function.name");
  static final AttributeKey<String> DB_POOL_NAME =
      AttributeKey.stringKey("db.client.connection.pool.name");
  static final AttributeKey<String> CONNECTION_ID =
      AttributeKey.stringKey("shortlease.connection.id");
  static final AttributeKey<String> THREAD_NAME = AttributeKey.stringKey("thread.name");
  static final AttributeKey<String> CALLER_THREAD_NAME =
      AttributeKey.stringKey("shortlease.caller.thread.name");

  // GenAI (development conventions, as of semantic conventions 1.37)
  static final AttributeKey<String> GEN_AI_OPERATION_NAME =
      AttributeKey.stringKey("gen_ai.operation.name");
  static final AttributeKey<String> GEN_AI_PROVIDER_NAME =
      AttributeKey.stringKey("gen_ai.provider.name");
  static final AttributeKey<String> GEN_AI_REQUEST_MODEL =
      AttributeKey.stringKey("gen_ai.request.model");
  static final AttributeKey<Long> GEN_AI_REQUEST_MAX_TOKENS =
      AttributeKey.longKey("gen_ai.request.max_tokens");
  static final AttributeKey<Double> GEN_AI_REQUEST_TEMPERATURE =
      AttributeKey.doubleKey("gen_ai.request.temperature");
  static final AttributeKey<Long> GEN_AI_USAGE_INPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.input_tokens");
  static final AttributeKey<Long> GEN_AI_USAGE_OUTPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.output_tokens");
  static final AttributeKey<List<String>> GEN_AI_RESPONSE_FINISH_REASONS =
      AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
  static final AttributeKey<String> GEN_AI_TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");
  static final AttributeKey<String> GEN_AI_TOOL_TYPE = AttributeKey.stringKey("gen_ai.tool.type");

  // guard violations (span events)
  static final String GUARD_VIOLATION_EVENT = "guard.violation";
  static final AttributeKey<String> GUARD_LONG_CALL =
      AttributeKey.stringKey("shortlease.guard.long_call");
  static final AttributeKey<String> GUARD_CALLER =
      AttributeKey.stringKey("shortlease.guard.caller");
  static final AttributeKey<String> GUARD_MODE = AttributeKey.stringKey("shortlease.guard.mode");
  static final AttributeKey<Long> GUARD_HELD_CONNECTIONS =
      AttributeKey.longKey("shortlease.guard.held_connections");
}
