package dev.shortlease.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortlease.benchmark.load.ChatClient;
import dev.shortlease.benchmark.load.ClosedLoopLoad;
import dev.shortlease.benchmark.load.EdgeReading;
import dev.shortlease.benchmark.load.JitQuiet;
import dev.shortlease.benchmark.load.ResourceSampler;
import dev.shortlease.benchmark.load.Warmup;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Benchmark: one point, for one mode or for several in alternating windows ({@link
 * BenchmarkSettings#rounds()}). A fresh schema and a fresh service process per mode and point, so
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

  /**
   * Measures {@code modes} at {@code point} in {@code rounds} rounds, their services all up: each
   * round gives each mode one window in turn, the first after the full warm-up, the later ones
   * after a settle ({@link BenchmarkSettings#settleFor}). A mode's result sums its windows, so two
   * modes compared in a ratio saw the same minutes of the host (ADR 0049). Results come in the
   * order of {@code modes}.
   */
  public List<PointResult> run(List<Mode> modes, LoadPoint point, int rounds) throws Exception {
    Deque<UnderLoad> started = new ArrayDeque<>();
    try {
      for (Mode mode : modes) {
        started.addLast(UnderLoad.start(this, mode, point));
      }
      for (int round = 0; round < rounds; round++) {
        for (UnderLoad mode : started) {
          mode.measure(round == 0, round == rounds - 1);
        }
      }
      List<PointResult> results = new ArrayList<>();
      for (UnderLoad mode : started) {
        results.add(mode.result());
      }
      while (!started.isEmpty()) {
        started.removeFirst().closeAndCheck();
      }
      return results;
    } finally {
      for (UnderLoad mode : started) {
        mode.closeQuietly();
      }
    }
  }

  /** One mode's service, schema and sampler at one point, and the windows measured so far. */
  private static final class UnderLoad {
    private final PointRunner runner;
    private final Mode mode;
    private final LoadPoint point;
    private final BenchmarkSchema schema;
    private final ServiceProcess service;
    private final ServiceClient admin;
    private final ResourceSampler sampler;
    private final Path log;
    private final ChatClient client;
    private final MemoryProbe idle;
    private final List<Window> windows = new ArrayList<>();
    private Duration warmedUp = Duration.ZERO;
    private MemoryProbe loaded = MemoryProbe.NONE;
    private long openStreams;

    private UnderLoad(
        PointRunner runner,
        Mode mode,
        LoadPoint point,
        BenchmarkSchema schema,
        ServiceProcess service,
        ServiceClient admin,
        String apiKey,
        ResourceSampler sampler,
        Path log) {
      this.runner = runner;
      this.mode = mode;
      this.point = point;
      this.schema = schema;
      this.service = service;
      this.admin = admin;
      this.sampler = sampler;
      this.log = log;
      this.client =
          new ChatClient(service.baseUrl(), apiKey, runner.settings.clientTimeoutFor(point));
      this.idle = MemoryProbe.take(admin, service.pid());
    }

    static UnderLoad start(PointRunner runner, Mode mode, LoadPoint point) throws Exception {
      BenchmarkSettings settings = runner.settings;
      BenchmarkSchema schema = BenchmarkSchema.create(settings.databaseUrl(), mode.label());
      ServiceProcess service = null;
      try {
        String applicationName = "shortlease-" + schema.name().replace('_', '-');
        String adminToken = UUID.randomUUID().toString();
        Path log =
            runner.logDir.resolve(
                "service-%s-c%d-l%d.log"
                    .formatted(mode.label(), point.concurrency(), point.latency().toMillis()));
        service =
            ServiceProcess.start(
                mode.launch(),
                runner.serviceEnv(point, schema.serviceUrl(applicationName), adminToken),
                runner.classpath,
                settings.serverHeap(),
                settings.serverJvmOptions(),
                log);
        ServiceClient admin = new ServiceClient(service.baseUrl(), adminToken, mode.launch());
        String apiKey =
            switch (mode.launch().apps()) {
              case ADMIN_API -> admin.createChatApp("bench-" + mode.label());
              case DATABASE_SEED ->
                  SeededApp.create(
                      schema.serviceUrl("shortlease-bench-seed"), "bench-" + mode.label());
            };
        ResourceSampler sampler =
            new ResourceSampler(admin, service.pid(), settings.databaseUrl(), applicationName);
        return new UnderLoad(runner, mode, point, schema, service, admin, apiKey, sampler, log);
      } catch (Exception | Error e) {
        if (service != null) {
          service.close();
        }
        schema.close();
        throw e;
      }
    }

    /** One window: after the full warm-up when {@code first}, else after a settle. */
    void measure(boolean first, boolean last) throws InterruptedException {
      BenchmarkSettings settings = runner.settings;
      Duration latency = point.latency();
      AtomicReference<EdgeReading> open = new AtomicReference<>();
      AtomicReference<EdgeReading> close = new AtomicReference<>();
      AtomicLong streams = new AtomicLong();
      AtomicReference<MemoryProbe> probe = new AtomicReference<>(MemoryProbe.NONE);
      ClosedLoopLoad load = new ClosedLoopLoad(client, point.concurrency(), latency);
      Warmup warmup =
          first
              ? settings.warmupFor(
                  point,
                  new JitQuiet(
                      () -> ProcStats.jitCpuSeconds(service.pid()),
                      System::nanoTime,
                      BenchmarkSettings.JIT_QUIET_CORES))
              : Warmup.fixed(settings.settleFor(point));
      WindowRecorder recorder =
          load.run(
              warmup,
              true,
              settings.windowFor(point),
              latency.plus(settings.connectionTimeout()).plusSeconds(5),
              () -> open.set(EdgeReading.take(admin, service.pid())),
              () -> {
                close.set(EdgeReading.take(admin, service.pid()));
                if (last) {
                  // After the window's readings (a full GC must not cost the measured window),
                  // while the streams are still open: clients send no new chat, but theirs run on.
                  streams.set(load.inFlight());
                  probe.set(MemoryProbe.take(admin, service.pid()));
                }
              },
              outcome -> {});
      Window window = new Window(recorder, open.get(), close.get());
      windows.add(window);
      if (!first || !last) {
        System.out.println(window.progressLine(mode, point, windows.size()));
      }
      if (first) {
        warmedUp = load.warmedUp();
      }
      if (last) {
        openStreams = streams.get();
        loaded = probe.get();
      }
    }

    PointResult result() {
      WindowRecorder recorder = new WindowRecorder();
      EdgeReading open = windows.getFirst().open();
      EdgeReading close = windows.getFirst().close();
      recorder.addAll(windows.getFirst().recorder());
      for (Window next : windows.subList(1, windows.size())) {
        recorder.addAll(next.recorder());
        close = close.plusWindow(next.open(), next.close());
      }
      return PointMath.result(
          runner.settings,
          mode,
          point,
          warmedUp,
          recorder,
          open,
          close,
          sampler,
          finalPool(admin),
          new PointMath.Memory(idle, loaded, openStreams),
          ServiceFate.of(service.exitCode(), log));
    }

    void closeAndCheck() throws Exception {
      try (schema) {
        try (service;
            sampler) {
          // closed in reverse: the sampler, then the service
        }
        runner.schemaCheck.check(
            mode, point.concurrency(), schema.serviceUrl("shortlease-bench-check"), schema.name());
      }
    }

    void closeQuietly() {
      for (AutoCloseable resource : List.<AutoCloseable>of(sampler, service, schema)) {
        try {
          resource.close();
        } catch (Exception e) {
          // already failing: the first error is the one to report
        }
      }
    }
  }

  /** One measured window: what the generator saw, and the service's counters at its edges. */
  private record Window(WindowRecorder recorder, EdgeReading open, EdgeReading close) {
    /** The window's own figures, printed as the rounds go: how far apart the rounds read. */
    String progressLine(Mode mode, LoadPoint point, int number) {
      double done = recorder.chatsDone();
      double seconds = (close.nanoTime() - open.nanoTime()) / 1e9;
      return "  %-11s C=%-5d window %d: %7.1f chats/s  lease/chat=%.2fms  cpu/chat=%.2fms"
          .formatted(
              mode.label(),
              point.concurrency(),
              number,
              done / seconds,
              (close.leaseSecondsSum() - open.leaseSecondsSum()) * 1000 / done,
              (close.serverCpuS() - open.serverCpuS()) * 1000 / done);
    }
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
