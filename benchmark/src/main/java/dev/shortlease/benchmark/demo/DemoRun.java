package dev.shortlease.benchmark.demo;

import dev.shortlease.benchmark.load.ChatClient;
import dev.shortlease.benchmark.load.ChatOutcome;
import dev.shortlease.benchmark.load.ClosedLoopLoad;
import dev.shortlease.benchmark.load.WindowRecorder;
import dev.shortlease.benchmark.service.ServiceClient;
import dev.shortlease.bootstrap.ShortleaseServer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Demonstration: one style, start to end. Starts the service in that style, records one chat alone
 * on a time axis, then runs the closed-loop load (the benchmark's generator) and reads the pool's
 * counters at the window's edges.
 */
final class DemoRun {

  static final String VIOLATIONS = "guardrails_long_call_violations_total";

  private DemoRun() {}

  static StyleResult run(DemoStyle style, DemoSettings settings) throws Exception {
    Map<String, String> env = settings.serviceEnvironment(style);
    LeaseRecorder leases = new LeaseRecorder();
    ModelCallRecorder model = new ModelCallRecorder(DemoStyle.simulatedModel(env));
    try (ShortleaseServer server = style.start(env, leases, model)) {
      ServiceClient admin =
          new ServiceClient(URI.create(server.managementUrl()), DemoSettings.ADMIN_TOKEN);
      String key = admin.createChatApp("demo " + style.label());
      ChatClient client =
          new ChatClient(URI.create(server.baseUrl()), key, settings.latency().plusSeconds(5));
      Timeline timeline = oneChat(style, client, leases, model);

      double violationsBefore = violations(admin);
      AtomicReference<LeaseRecorder.Totals> open = new AtomicReference<>();
      AtomicReference<LeaseRecorder.Totals> close = new AtomicReference<>();
      WindowRecorder window =
          new ClosedLoopLoad(client, settings.concurrency(), settings.latency())
              .run(
                  settings.warmup(),
                  settings.window(),
                  settings.latency().plusSeconds(2),
                  () -> open.set(leases.totals()),
                  () -> close.set(leases.totals()));
      long refused = window.poolTimeouts();
      return new StyleResult(
          style,
          settings.window().toMillis() / 1000.0,
          window.completed(),
          refused,
          window.errors() - refused,
          close.get().minus(open.get()),
          Math.round(violations(admin) - violationsBefore),
          timeline,
          window.errorKinds());
    }
  }

  /** One chat with nothing else running, its leases and model call recorded. */
  private static Timeline oneChat(
      DemoStyle style, ChatClient client, LeaseRecorder leases, ModelCallRecorder model) {
    try (ChatClient.Session session = client.session()) {
      session.chat("timeline-warm-up", "Hello"); // first use: classes load, caches fill
      leases.startRecording();
      model.startRecording();
      long start = System.nanoTime();
      ChatOutcome outcome = session.chat("timeline", "How long is a short lease?");
      if (outcome.kind() != ChatOutcome.Kind.COMPLETED) {
        throw new IllegalStateException("the timeline chat failed: " + outcome.detail());
      }
      sleepBriefly(); // the final save's lease ends just after the client saw message_end
      return Timeline.of(
          style.label(), start, outcome.endNanos(), leases.stopRecording(), model.stopRecording());
    }
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(Duration.ofMillis(50));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static double violations(ServiceClient admin) throws Exception {
    double value = admin.metrics().sum(VIOLATIONS, "");
    return Double.isNaN(value) ? 0 : value;
  }
}
