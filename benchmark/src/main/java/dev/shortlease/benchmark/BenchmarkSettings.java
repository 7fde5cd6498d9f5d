package dev.shortlease.benchmark;

import dev.shortlease.application.ReliabilitySettings;
import dev.shortlease.benchmark.load.Warmup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Configuration of one benchmark run, read from {@code BENCH_*} environment variables. The split of
 * the model latency into time-to-first-token and streaming keeps the token count (and so the CPU
 * spent on SSE events) small.
 *
 * <p>Points: {@code BENCH_POINTS} ({@link LoadPoint} syntax) if set; otherwise {@code
 * BENCH_CONCURRENCY} at {@code BENCH_LLM_LATENCY_MS} for every mode if set; otherwise {@link
 * #DEFAULT_POINTS}. {@code BENCH_LONG=1} adds {@link #LONG_POINT}.
 */
public record BenchmarkSettings(
    List<LoadPoint> points,
    int poolSize,
    int answerTokens,
    List<Mode> modes,
    Duration warmup,
    Duration warmupMax,
    Duration window,
    int rounds,
    Duration connectionTimeout,
    String databaseUrl,
    String serverHeap,
    List<String> serverJvmOptions,
    Path outputDir) {

  public static final String DEFAULT_DATABASE_URL =
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  /** Modes of a default run. */
  public static final String DEFAULT_MODES = "scoped,floor,held";

  /**
   * The default sweep at L = 2 s. {@code held} and other per-request-connection modes are capped at
   * {@code P / L} whatever {@code C}: two points show it, and keep the run under six minutes.
   * C=2000 is past this 2-core machine's CPU limit (≈ 500 chats/s): errors must stay zero there.
   */
  public static final String DEFAULT_POINTS = "50,200:scoped+floor,1000,2000:scoped+floor";

  /** {@code BENCH_LONG=1}: a realistic answer time, the same 500 chats/s, 10× the open streams. */
  public static final String LONG_POINT = "10000@20000:scoped+floor";

  /** {@code BENCH_ROUNDS} of a {@code BENCH_LONG=1} run (the committed one); otherwise 1. */
  static final String LONG_RUN_ROUNDS = "3";

  /**
   * Points up to this model latency measure scoped and the floor in alternating rounds; a round of
   * the long point (L=20 s: a 40 s window, a regroup and a settle) would add over two minutes per
   * mode.
   */
  static final Duration MAX_ALTERNATING_LATENCY = Duration.ofSeconds(2);

  /**
   * How long the service lets a new chat wait in its admission line for a database slot before it
   * answers 503 ({@code CHAT_ADMISSION_WAIT_MS}, the service's default, set explicitly for every
   * point so the generator's timeout below is derived from the value the service runs with).
   */
  public static final Duration ADMISSION_WAIT = ReliabilitySettings.DEFAULT_ADMISSION_WAIT;

  /**
   * {@code CHAT_ADMISSION_QUEUE} for a point: at least {@code C}. A closed-loop client has at most
   * one chat in flight, so {@code C} clients can never have more than {@code C} starts waiting; a
   * line that long turns "more starts than the CPU serves" into waiting (latency), which is what
   * the scale targets ask, and the service's wait bound ({@link #ADMISSION_WAIT}) still sheds what
   * waits too long. With the default 2000 the C=10,000 point answered most starts with 503 ("too
   * many chats are starting at once") whenever the service fell behind the 500 starts per second it
   * demands. An operator sizes the line the same way: for the concurrency the instance serves.
   */
  public static int admissionQueueFor(LoadPoint point) {
    return Math.max(ReliabilitySettings.DEFAULT_ADMISSION_QUEUE, point.concurrency());
  }

  /** How often the warm-up asks whether the JIT is quiet: the JIT's CPU is averaged over it. */
  static final Duration JIT_CHECK = Duration.ofSeconds(5);

  /** The JIT counts as quiet below this share of one core, averaged over {@link #JIT_CHECK}. */
  static final double JIT_QUIET_CORES = 0.05;

  /** Slack on top of the longest silence the service may keep, for a machine that stalls. */
  static final Duration CLIENT_TIMEOUT_SLACK = Duration.ofSeconds(5);

  public BenchmarkSettings {
    points = List.copyOf(points);
    modes = List.copyOf(modes);
    serverJvmOptions = List.copyOf(serverJvmOptions);
    if (points.isEmpty()) {
      throw new IllegalArgumentException("the run needs at least one point");
    }
    if (poolSize < 1 || answerTokens < 1 || modes.isEmpty()) {
      throw new IllegalArgumentException("pool size, answer tokens and modes must be positive");
    }
    if (rounds < 1) {
      throw new IllegalArgumentException("need at least one round, got " + rounds);
    }
    if (window.isZero() || window.isNegative() || warmup.isNegative() || warmupMax.isNegative()) {
      throw new IllegalArgumentException(
          "the window must be positive and the warm-up not negative");
    }
  }

  public static BenchmarkSettings fromEnv(Map<String, String> env) {
    Duration latency =
        Duration.ofMillis(Long.parseLong(env.getOrDefault("BENCH_LLM_LATENCY_MS", "2000")));
    List<LoadPoint> points = new ArrayList<>();
    if (env.containsKey("BENCH_POINTS")) {
      points.addAll(LoadPoint.parseAll(env.get("BENCH_POINTS"), latency));
    } else if (env.containsKey("BENCH_CONCURRENCY")) {
      points.addAll(LoadPoint.parseAll(env.get("BENCH_CONCURRENCY"), latency));
    } else {
      points.addAll(LoadPoint.parseAll(DEFAULT_POINTS, latency));
    }
    boolean longRun =
        "1".equals(env.get("BENCH_LONG")) || "true".equalsIgnoreCase(env.get("BENCH_LONG"));
    if (longRun) {
      points.addAll(LoadPoint.parseAll(LONG_POINT, latency));
    }
    return new BenchmarkSettings(
        points,
        Integer.parseInt(env.getOrDefault("BENCH_POOL_SIZE", "10")),
        Integer.parseInt(env.getOrDefault("BENCH_ANSWER_TOKENS", "5")),
        Arrays.stream(env.getOrDefault("BENCH_MODES", DEFAULT_MODES).split(","))
            .map(Mode::parse)
            .toList(),
        Duration.ofSeconds(Long.parseLong(env.getOrDefault("BENCH_WARMUP_S", "10"))),
        // Unset: a fixed warm-up, so the default run keeps its six-minute budget.
        Duration.ofSeconds(
            Long.parseLong(
                env.getOrDefault("BENCH_WARMUP_MAX_S", env.getOrDefault("BENCH_WARMUP_S", "10")))),
        Duration.ofSeconds(Long.parseLong(env.getOrDefault("BENCH_DURATION_S", "10"))),
        Integer.parseInt(env.getOrDefault("BENCH_ROUNDS", longRun ? LONG_RUN_ROUNDS : "1")),
        Duration.ofMillis(Long.parseLong(env.getOrDefault("BENCH_CONNECTION_TIMEOUT_MS", "3000"))),
        env.getOrDefault("DATABASE_URL", DEFAULT_DATABASE_URL),
        env.getOrDefault("BENCH_SERVER_HEAP", "512m"),
        Arrays.stream(env.getOrDefault("BENCH_SERVER_JVM_OPTS", "").split("\\s+"))
            .filter(option -> !option.isBlank())
            .toList(),
        Path.of(env.getOrDefault("BENCH_OUTPUT_DIR", "bench-results")));
  }

  /**
   * The shortest warm-up of one point: at least 1.5 L, because clients start spread over one L and
   * the first chats end only after it; the configured warm-up is for the JIT at L = 2 s.
   */
  public Duration warmupFor(LoadPoint point) {
    Duration minimum = point.latency().multipliedBy(3).dividedBy(2);
    return warmup.compareTo(minimum) >= 0 ? warmup : minimum;
  }

  /**
   * The settle before each later round's window: the fixed warm-up ({@link #warmupFor(LoadPoint)}).
   * 1.5 L would do for the clients, but the service has been idle while the other mode ran: with a
   * 3 s settle one run read scoped's later windows 1.4–1.5× its first, while the floor's did not
   * rise.
   */
  public Duration settleFor(LoadPoint point) {
    return warmupFor(point);
  }

  /**
   * The warm-up of one point: {@link #warmupFor(LoadPoint)}, then on until the service's JIT is
   * quiet ({@code jitQuiet}, checked every {@link #JIT_CHECK}) or {@code warmupMax} is reached. At
   * C=1000 on two cores a fresh JVM's compilers used 0.4 to 0.6 of a core for the first 45 s and
   * settled after about 60 s; every second of that inside a window was counted as CPU per chat, and
   * made the ratio to the floor vary from run to run. At C=10,000 they settled after about 90 s
   * ({@code BENCH_WARMUP_MAX_S=120} for the committed run).
   */
  public Warmup warmupFor(LoadPoint point, BooleanSupplier jitQuiet) {
    Duration minimum = warmupFor(point);
    Duration maximum = warmupMax.compareTo(minimum) >= 0 ? warmupMax : minimum;
    return new Warmup(minimum, maximum, JIT_CHECK, jitQuiet);
  }

  /**
   * The generator's read timeout for one point: the longest silence of a chat the service still
   * serves, plus {@link #CLIENT_TIMEOUT_SLACK}. Before the stream's headers a chat may wait {@link
   * #ADMISSION_WAIT} in the admission line, then keep trying for its connection for as long again
   * (each try up to the acquire timeout); once streaming, the service writes at least every {@code
   * min(L / 2, 10 s)} (the first token at L / 2, pings every 10 s), so one L covers the rest. Past
   * the CPU limit that queue is where latency grows (C=2000 at L=2 s); a shorter timeout counted
   * chats the service was about to serve as errors, and the client's resend queued again behind its
   * own abandoned request. A hung service is still caught: the timeout is finite.
   */
  public Duration clientTimeoutFor(LoadPoint point) {
    return ADMISSION_WAIT
        .multipliedBy(2)
        .plus(connectionTimeout)
        .plus(point.latency())
        .plus(CLIENT_TIMEOUT_SLACK);
  }

  /**
   * The window of one point: at least two L, so every client ends about two chats inside it. In a
   * window of one L each client ends about one, and the count depends on where in their cycles the
   * window falls: the C=10,000 point (L=20 s) measured 0.85, 0.96 and 0.95 of the ideal in three
   * runs of the same code.
   */
  public Duration windowFor(LoadPoint point) {
    Duration minimum = point.latency().multipliedBy(2);
    return window.compareTo(minimum) >= 0 ? window : minimum;
  }

  /** Default points and modes, default latency: the run the six-minute budget is for. */
  public boolean isDefaultRun() {
    return points.equals(LoadPoint.parseAll(DEFAULT_POINTS, Duration.ofMillis(2000)))
        && modes.stream().map(Mode::label).toList().equals(List.of(DEFAULT_MODES.split(",")));
  }

  /** The points {@code mode} runs, in the order given. */
  public List<LoadPoint> pointsOf(Mode mode) {
    return points.stream().filter(p -> p.appliesTo(mode)).toList();
  }

  /**
   * The steps of the run, point by point: each point for every mode that runs it, so scoped and the
   * floor at one C are measured minutes apart rather than the whole sweep apart. With {@link
   * #rounds()} above one, scoped and the floor at a point up to {@link #MAX_ALTERNATING_LATENCY}
   * are one step: both services up, their windows alternating round by round, so each ratio
   * compares the same minutes of the host. The host's speed drifts within minutes (the floor's
   * lease per chat at C=1000 read 1.2 and 2.8 ms ten minutes apart; ADR 0049).
   */
  public List<Step> runOrder() {
    List<Step> steps = new ArrayList<>();
    for (LoadPoint point : points) {
      List<Mode> here = modes.stream().filter(point::appliesTo).toList();
      List<Mode> pair = here.stream().filter(m -> m == Mode.SCOPED || m == Mode.FLOOR).toList();
      boolean alternate =
          rounds > 1 && pair.size() == 2 && point.latency().compareTo(MAX_ALTERNATING_LATENCY) <= 0;
      for (Mode mode : here) {
        if (!alternate || !pair.contains(mode)) {
          steps.add(new Step(List.of(mode), point, 1));
        } else if (mode == pair.getFirst()) {
          steps.add(new Step(pair, point, rounds));
        }
      }
    }
    return List.copyOf(steps);
  }

  /** One point for one mode, or for several in alternating rounds. */
  public record Step(List<Mode> modes, LoadPoint point, int rounds) {
    public Step {
      modes = List.copyOf(modes);
    }
  }
}
