package dev.shortlease.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortlease.benchmark.load.ChatClient;
import dev.shortlease.benchmark.load.ClosedLoopLoad;
import dev.shortlease.benchmark.load.EdgeReading;
import dev.shortlease.benchmark.load.JitQuiet;
import dev.shortlease.benchmark.load.ResourceSampler;
import dev.shortlease.benchmark.load.WindowRecorder;
import dev.shortlease.benchmark.report.PointResult;
import dev.shortlease.benchmark.service.BenchmarkSchema;
import dev.shortlease.benchmark.service.JsonFields;
import dev.shortlease.benchmark.service.MemoryProbe;
import dev.shortlease.benchmark.service.ProcStats;
import dev.shortlease.benchmark.service.SeededApp;
import dev.shortlease.benchmark.service.ServiceClient;
import dev.shortlease.benchmark.service.ServiceFate;
import dev.shortlease.benchmark.service.ServiceLaunch;
import dev.shortlease.benchmark.service.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Benchmark: one mode at one concurrency. A fresh schema and a fresh service process per point, so
 * lifetime figures (acquire percentiles, RSS high-water mark) belong to this point alone.
 */
public final class PointRunner {

  private final BenchmarkSettings settings;
  private final String classpath;
  private final Path logDir;
  private final SchemaCheck schemaCheck;

  public PointRunner(
      BenchmarkSettings settings, String classpath, Path logDir, SchemaCheck schemaCheck) {
    this.settings = settings;
    this.classpath = classpath;
    this.logDir = logDir;
    this.schemaCheck = schemaCheck;
  }

  public PointResult run(Mode mode, LoadPoint point) throws Exception {
    int concurrency = point.concurrency();
    try (BenchmarkSchema schema = BenchmarkSchema.create(settings.databaseUrl(), mode.label())) {
      String applicationName = "shortlease-" + schema.name().replace('_', '-');
      String adminToken = UUID.randomUUID().toString();
      Path log =
          logDir.resolve(
              "service-%s-c%d-l%d.log"
                  .formatted(mode.label(), concurrency, point.latency().toMillis()));
      PointResult result;
      try (ServiceProcess service =
          ServiceProcess.start(
              mode.launch(),
              serviceEnv(point, schema.serviceUrl(applicationName), adminToken),
              classpath,
              settings.serverHeap(),
              settings.serverJvmOptions(),
              log)) {
        ServiceClient admin = new ServiceClient(service.baseUrl(), adminToken, mode.launch());
        String apiKey =
            switch (mode.launch().apps()) {
              case ADMIN_API -> admin.createChatApp("bench-" + mode.label());
              case DATABASE_SEED ->
                  SeededApp.create(
                      schema.serviceUrl("shortlease-bench-seed"), "bench-" + mode.label());
            };
        try (ResourceSampler sampler =
            new ResourceSampler(admin, service.pid(), settings.databaseUrl(), applicationName)) {
          result = measure(mode, point, service, admin, apiKey, sampler, log);
        }
      }
      String schemaUrl = schema.serviceUrl("shortlease-bench-check");
      schemaCheck.check(mode, concurrency, schemaUrl, schema.name());
      return result;
    }
  }

  private PointResult measure(
      Mode mode,
      LoadPoint point,
      ServiceProcess service,
      ServiceClient admin,
      String apiKey,
      ResourceSampler sampler,
      Path log)
      throws InterruptedException {
    Duration latency = point.latency();
    ChatClient client = new ChatClient(service.baseUrl(), apiKey, settings.clientTimeoutFor(point));
    AtomicReference<EdgeReading> open = new AtomicReference<>();
    AtomicReference<EdgeReading> close = new AtomicReference<>();
    AtomicReference<MemoryProbe> loaded = new AtomicReference<>(MemoryProbe.NONE);
    AtomicLong openStreams = new AtomicLong();
    MemoryProbe idle = MemoryProbe.take(admin, service.pid());
    ClosedLoopLoad load = new ClosedLoopLoad(client, point.concurrency(), latency);
    JitQuiet jitQuiet =
        new JitQuiet(
            () -> ProcStats.jitCpuSeconds(service.pid()),
            System::nanoTime,
            BenchmarkSettings.JIT_QUIET_CORES);
    WindowRecorder recorder =
        load.run(
            settings.warmupFor(point, jitQuiet),
            true,
            settings.windowFor(point),
            latency.plus(settings.connectionTimeout()).plusSeconds(5),
            () -> open.set(EdgeReading.take(admin, service.pid())),
            () -> {
              close.set(EdgeReading.take(admin, service.pid()));
              // After the window's readings (a full GC must not cost the measured window), while
              // the streams are still open: clients send no new chat, but theirs run on.
              openStreams.set(load.inFlight());
              loaded.set(MemoryProbe.take(admin, service.pid()));
            },
            outcome -> {});
    return PointMath.result(
        settings,
        mode,
        point,
        load.warmedUp(),
        recorder,
        open.get(),
        close.get(),
        sampler,
        finalPool(admin),
        new PointMath.Memory(idle, loaded.get(), openStreams.get()),
        ServiceFate.of(service.exitCode(), log));
  }

  private static JsonNode finalPool(ServiceClient admin) {
    try {
      return admin.poolSnapshot();
    } catch (Exception e) {
      return JsonFields.missing();
    }
  }

  /** The environment every mode gets; {@link ServiceLaunch#env()} adds a mode's own. */
  private Map<String, String> serviceEnv(LoadPoint point, String databaseUrl, String adminToken) {
    return Map.of(
        "DATABASE_URL", databaseUrl,
        "DB_POOL_SIZE", Integer.toString(settings.poolSize()),
        "DB_CONNECTION_TIMEOUT_MS", Long.toString(settings.connectionTimeout().toMillis()),
        "ADMIN_TOKEN", adminToken,
        "CHAT_ADMISSION_WAIT_MS", Long.toString(BenchmarkSettings.ADMISSION_WAIT.toMillis()),
        "CHAT_ADMISSION_QUEUE", Integer.toString(BenchmarkSettings.admissionQueueFor(point)),
        "LLM_PROVIDER", "simulated",
        "SIMULATED_TTFT_MS", Long.toString(point.ttftMillis()),
        "SIMULATED_TOKENS_PER_SECOND",
            Double.toString(point.tokensPerSecond(settings.answerTokens())),
        "SIMULATED_ANSWER_TOKENS", Integer.toString(settings.answerTokens()));
  }
}
