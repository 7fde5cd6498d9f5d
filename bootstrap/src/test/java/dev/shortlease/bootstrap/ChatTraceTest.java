package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.persistence.DataSourceDecorator;
import dev.shortlease.bootstrap.tracing.RecordedSpan;
import dev.shortlease.bootstrap.tracing.TraceTree;
import dev.shortlease.bootstrap.tracing.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A chat's trace, captured in memory through the real injector and HTTP server: a server span, the
 * transactions (T2–T4) by port method with their connection leases, the model call as a GenAI
 * client span on the run's thread, tools and auto-naming — and rule R3 as a picture: no lease
 * overlaps a model call.
 */
@DisplayName("Traces: a chat's spans, parented across threads; no lease overlaps the model call")
class ChatTraceTest {
  static final AttributeKey<String> SPAN_KIND = AttributeKey.stringKey("shortlease.span");

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final Tracing tracing = Tracing.using(SimpleSpanProcessor.create(exporter));

  @AfterEach
  void closeTracing() {
    tracing.close();
  }

  private ShortleaseServer start(Map<String, String> overrides) {
    Map<String, String> env = TestServers.env();
    env.put("SIMULATED_TTFT_MS", "60");
    env.put("SIMULATED_TOKENS_PER_SECOND", "200");
    env.putAll(overrides);
    return ShortleaseServer.startTraced(
        Settings.fromEnvironment(env), DataSourceDecorator.NONE, tracing);
  }

  @Test
  @DisplayName("streaming chat: server > T2 (+ lease), model (CLIENT, run's thread), T4, naming")
  void streamingChatTrace() {
    try (ShortleaseServer server = start(Map.of())) {
      Api api = new Api(server);
      Api.AppKey app = api.createApp("chat");
      String body =
          Api.chat("tracy", "Hello traces", "streaming", null)
              .replace("\"auto_generate_name\":false", "\"auto_generate_name\":true");
      Api.Reply reply = api.post("/v1/chat-messages", app.key(), body);
      assertThat(reply.status()).as(reply.text()).isEqualTo(200);

      SpanData root = awaitSpan(s -> s.getName().equals("POST /v1/chat-messages"));
      // the naming call comes after the stream: wait for the second model call of the trace
      awaitSpans(root.getTraceId(), s -> "model".equals(s.getAttributes().get(SPAN_KIND)), 2);
      List<SpanData> trace = trace(root.getTraceId());
      String tree = tree(trace);

      assertThat(root.getKind()).as(tree).isEqualTo(SpanKind.SERVER);
      assertThat(root.getParentSpanContext().isValid()).isFalse();
      assertThat(root.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
          .isEqualTo(200L);
      assertThat(root.getAttributes().get(AttributeKey.stringKey("http.route")))
          .isEqualTo("/v1/chat-messages");

      SpanData startTurn = one(trace, "StartTurnPort.startTurn", tree);
      SpanData finish = one(trace, "FinishMessagePort.finishMessage", tree);
      assertTransactionsHoldTheirOwnLease(trace, tree, root, startTurn, finish);

      List<SpanData> models = ofKind(trace, "model");
      SpanData answer = models.getFirst();
      assertThat(answer.getName()).as(tree).isEqualTo("chat simulated");
      assertThat(answer.getKind()).isEqualTo(SpanKind.CLIENT);
      assertThat(answer.getParentSpanId()).as(tree).isEqualTo(root.getSpanId());
      assertThat(answer.getAttributes().get(AttributeKey.stringKey("gen_ai.operation.name")))
          .isEqualTo("chat");
      assertThat(answer.getAttributes().get(AttributeKey.stringKey("gen_ai.provider.name")))
          .isEqualTo("simulated");
      assertThat(answer.getAttributes().get(AttributeKey.stringKey("gen_ai.request.model")))
          .isEqualTo("simulated");
      assertThat(answer.getAttributes().get(AttributeKey.longKey("gen_ai.usage.output_tokens")))
          .isEqualTo(6L);
      assertThat(answer.getAttributes().get(AttributeKey.longKey("gen_ai.usage.input_tokens")))
          .isPositive();
      assertThat(
              answer
                  .getAttributes()
                  .get(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons")))
          .containsExactly("stop");
      // T2 before the model, T4 after it; T4 for the run's thread, T2 for the request's, each
      // lease on a database worker
      assertThat(startTurn.getEndEpochNanos()).isLessThanOrEqualTo(answer.getStartEpochNanos());
      assertThat(finish.getStartEpochNanos()).isGreaterThanOrEqualTo(answer.getEndEpochNanos());
      SpanData finishLease = childrenOf(trace, finish, "lease").getFirst();
      SpanData startLease = childrenOf(trace, startTurn, "lease").getFirst();
      assertThat(threadOf(finishLease)).as(tree).startsWith("db-worker-");
      assertThat(threadOf(startLease)).as(tree).startsWith("db-worker-");
      assertThat(callerOf(finishLease)).as(tree).startsWith("chat-runner-");
      assertThat(callerOf(startLease)).as(tree).doesNotStartWith("chat-runner-");

      // auto-naming: a side call on the run's thread after T4, in the same trace
      SpanData naming = models.get(1);
      assertThat(naming.getParentSpanId()).as(tree).isEqualTo(root.getSpanId());
      assertThat(naming.getStartEpochNanos()).isGreaterThan(finish.getEndEpochNanos());

      assertNoLeaseOverlapsAModelCall(trace, tree);
      assertThat(tracing.recent().orElseThrow().snapshot())
          .extracting(RecordedSpan::spanId)
          .contains(answer.getSpanId(), root.getSpanId());
      System.out.println("example trace (streaming chat, first turn):\n" + tree);
    }
  }

  @Test
  @DisplayName("a later turn: T3 loads the history before the model call, its lease ended before")
  void laterTurnLoadsHistoryBeforeTheModel() {
    try (ShortleaseServer server = start(Map.of())) {
      Api api = new Api(server);
      Api.AppKey app = api.createApp("chat");
      Api.Reply first =
          api.post("/v1/chat-messages", app.key(), Api.chat("tracy", "Hi", "blocking", null));
      assertThat(first.status()).as(first.text()).isEqualTo(200);
      String conversation = first.json().get("conversation_id").asText();
      awaitSpan(s -> s.getName().equals("POST /v1/chat-messages"));
      exporter.reset();

      Api.Reply reply =
          api.post(
              "/v1/chat-messages",
              app.key(),
              Api.chat("tracy", "Hello traces", "streaming", conversation));
      assertThat(reply.status()).as(reply.text()).isEqualTo(200);
      SpanData root = awaitSpan(s -> s.getName().equals("POST /v1/chat-messages"));
      List<SpanData> trace = trace(root.getTraceId());
      String tree = tree(trace);

      SpanData history = one(trace, "ChatHistoryPort.loadHistory", tree);
      assertTransactionsHoldTheirOwnLease(trace, tree, root, history);
      SpanData answer = ofKind(trace, "model").getFirst();
      SpanData lease = childrenOf(trace, history, "lease").getFirst();
      assertThat(lease.getEndEpochNanos())
          .as(tree)
          .isLessThanOrEqualTo(answer.getStartEpochNanos());
      assertNoLeaseOverlapsAModelCall(trace, tree);
      System.out.println("example trace (streaming chat, later turn):\n" + tree);
    }
  }

  /** Each transaction has exactly one lease, nested under it and within its time. */
  private static void assertTransactionsHoldTheirOwnLease(
      List<SpanData> trace, String tree, SpanData root, SpanData... transactions) {
    for (SpanData transaction : transactions) {
      assertThat(transaction.getParentSpanId()).as(tree).isEqualTo(root.getSpanId());
      List<SpanData> leases = childrenOf(trace, transaction, "lease");
      assertThat(leases).as(tree).hasSize(1);
      assertThat(leases.getFirst().getStartEpochNanos())
          .isGreaterThanOrEqualTo(transaction.getStartEpochNanos());
      assertThat(leases.getFirst().getEndEpochNanos())
          .isLessThanOrEqualTo(transaction.getEndEpochNanos());
    }
  }

  @Test
  @DisplayName("agent chat: execute_tool span between two model calls, leases only outside them")
  void agentToolTrace() {
    try (ShortleaseServer server = start(Map.of())) {
      Api api = new Api(server);
      Api.AppKey app = api.createApp("agent-chat");
      Api.Reply reply =
          api.post(
              "/v1/chat-messages",
              app.key(),
              Api.chat("agent", "what time is it", "streaming", null));
      assertThat(reply.status()).as(reply.text()).isEqualTo(200);

      SpanData root = awaitSpan(s -> s.getName().equals("POST /v1/chat-messages"));
      List<SpanData> trace = trace(root.getTraceId());
      String tree = tree(trace);
      SpanData tool = one(trace, "execute_tool current_time", tree);
      assertThat(tool.getParentSpanId()).isEqualTo(root.getSpanId());
      assertThat(tool.getAttributes().get(AttributeKey.stringKey("gen_ai.tool.name")))
          .isEqualTo("current_time");
      List<SpanData> models = ofKind(trace, "model");
      assertThat(models).as(tree).hasSize(2);
      assertThat(
              models
                  .getFirst()
                  .getAttributes()
                  .get(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons")))
          .containsExactly("tool_calls");
      assertThat(tool.getStartEpochNanos())
          .isGreaterThanOrEqualTo(models.get(0).getEndEpochNanos());
      assertThat(tool.getEndEpochNanos()).isLessThanOrEqualTo(models.get(1).getStartEpochNanos());
      assertThat(ofKind(trace, "transaction"))
          .extracting(SpanData::getName)
          .contains("AgentThoughtsPort.addThought");
      assertNoLeaseOverlapsAModelCall(trace, tree);
    }
  }

  @Test
  @DisplayName(
      "a refused request still gets its server span, with the status and request ID it was answered")
  void refusedRequestHasAServerSpan() {
    try (ShortleaseServer server = start(Map.of())) {
      Api.Reply reply =
          new Api(server)
              .post("/v1/chat-messages", "app-not-a-key", Api.chat("x", "y", "blocking", null));
      assertThat(reply.status()).isEqualTo(401);
      SpanData span = awaitSpan(s -> s.getName().equals("POST /v1/chat-messages"));
      assertThat(span.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
          .isEqualTo(401L);
      assertThat(span.getAttributes().get(AttributeKey.stringKey("shortlease.request.id")))
          .as("the answer's X-Request-Id, which its log line starts with")
          .isNotBlank()
          .isEqualTo(reply.raw().headers().firstValue("X-Request-Id").orElse(null));
    }
  }

  /** Rule R3, seen in a trace: a lease and a model call of the trace never share a moment. */
  static void assertNoLeaseOverlapsAModelCall(List<SpanData> trace, String tree) {
    List<RecordedSpan> spans = trace.stream().map(RecordedSpan::of).toList();
    List<RecordedSpan> models = spans.stream().filter(s -> s.kind().equals("model")).toList();
    List<RecordedSpan> leases = spans.stream().filter(s -> s.kind().equals("lease")).toList();
    assertThat(models).as(tree).isNotEmpty();
    assertThat(leases).as(tree).isNotEmpty();
    for (RecordedSpan model : models) {
      assertThat(leases)
          .as("leases overlapping %s in\n%s", model.name(), tree)
          .noneMatch(model::overlaps);
    }
  }

  private SpanData awaitSpan(Predicate<SpanData> which) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      for (SpanData span : exporter.getFinishedSpanItems()) {
        if (which.test(span)) {
          return span;
        }
      }
      sleep();
    }
    throw new AssertionError("no such span in\n" + tree(exporter.getFinishedSpanItems()));
  }

  private void awaitSpans(String traceId, Predicate<SpanData> which, int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (trace(traceId).stream().filter(which).count() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("fewer than " + count + " such spans in\n" + tree(trace(traceId)));
      }
      sleep();
    }
  }

  private List<SpanData> trace(String traceId) {
    return exporter.getFinishedSpanItems().stream()
        .filter(s -> s.getTraceId().equals(traceId))
        .sorted(java.util.Comparator.comparingLong(SpanData::getStartEpochNanos))
        .toList();
  }

  static String tree(List<SpanData> spans) {
    return TraceTree.render(spans.stream().map(RecordedSpan::of).toList());
  }

  static SpanData one(List<SpanData> trace, String name, String tree) {
    List<SpanData> named = trace.stream().filter(s -> s.getName().equals(name)).toList();
    assertThat(named).as("spans named %s in\n%s", name, tree).hasSize(1);
    return named.getFirst();
  }

  static List<SpanData> ofKind(List<SpanData> trace, String kind) {
    return trace.stream().filter(s -> kind.equals(s.getAttributes().get(SPAN_KIND))).toList();
  }

  static List<SpanData> childrenOf(List<SpanData> trace, SpanData parent, String kind) {
    return ofKind(trace, kind).stream()
        .filter(s -> s.getParentSpanId().equals(parent.getSpanId()))
        .toList();
  }

  private static String threadOf(SpanData span) {
    return span.getAttributes().get(AttributeKey.stringKey("thread.name"));
  }

  private static String callerOf(SpanData span) {
    return span.getAttributes().get(AttributeKey.stringKey("shortlease.caller.thread.name"));
  }

  private static void sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
