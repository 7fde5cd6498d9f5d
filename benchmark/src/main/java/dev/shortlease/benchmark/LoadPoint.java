package dev.shortlease.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Benchmark: one point of the sweep, {@code C} clients at model latency {@code L}, for every mode
 * of the run or only the modes it names. Written {@code C[@L_ms][:mode+mode…]} in {@code
 * BENCH_POINTS}, e.g. {@code 2000:scoped+floor} or {@code 10000@20000:scoped+floor}.
 */
public record LoadPoint(int concurrency, Duration latency, Set<String> modes) {

  public LoadPoint {
    modes = Set.copyOf(modes);
    if (concurrency < 1) {
      throw new IllegalArgumentException("a point needs a positive concurrency: " + concurrency);
    }
    if (latency.toMillis() < 20) {
      throw new IllegalArgumentException("a point's latency must be >= 20 ms: " + latency);
    }
  }

  /** Whether {@code mode} runs this point: every mode unless the point names some. */
  public boolean appliesTo(Mode mode) {
    return modes.isEmpty() || modes.contains(mode.label());
  }

  /** Time to first token: half the latency; the other half streams the answer. */
  public long ttftMillis() {
    return latency.toMillis() / 2;
  }

  /** Tokens per second so that {@code answerTokens} span the remaining half of the latency. */
  public double tokensPerSecond(int answerTokens) {
    return answerTokens * 1000.0 / (latency.toMillis() - ttftMillis());
  }

  /** {@code C / L}: every client always waiting on the model, nothing else. */
  public double idealPerSecond() {
    return concurrency * 1000.0 / latency.toMillis();
  }

  /**
   * Parses a comma-separated list; an entry without {@code @L} gets {@code defaultLatency}. Unknown
   * mode names are refused, so a typo does not silently drop a point.
   */
  public static List<LoadPoint> parseAll(String text, Duration defaultLatency) {
    List<LoadPoint> points = new ArrayList<>();
    for (String entry : text.split(",")) {
      String e = entry.trim();
      if (e.isEmpty()) {
        continue;
      }
      try {
        Set<String> modes = Set.of();
        int colon = e.indexOf(':');
        if (colon >= 0) {
          modes =
              Arrays.stream(e.substring(colon + 1).split("\\+"))
                  .map(m -> Mode.parse(m).label())
                  .collect(Collectors.toSet());
          e = e.substring(0, colon);
        }
        int at = e.indexOf('@');
        Duration latency =
            at < 0 ? defaultLatency : Duration.ofMillis(Long.parseLong(e.substring(at + 1)));
        int c = Integer.parseInt(at < 0 ? e : e.substring(0, at));
        points.add(new LoadPoint(c, latency, modes));
      } catch (IllegalArgumentException bad) {
        throw new IllegalArgumentException(
            "BENCH_POINTS entry '%s': expected C[@L_ms][:mode+mode], e.g. 2000:scoped+floor (%s)"
                .formatted(entry.trim(), bad.getMessage()),
            bad);
      }
    }
    if (points.isEmpty()) {
      throw new IllegalArgumentException("BENCH_POINTS has no point");
    }
    return List.copyOf(points);
  }

  @Override
  public String toString() {
    String text = concurrency + "@" + latency.toMillis();
    return modes.isEmpty()
        ? text
        : text + ":" + String.join("+", modes.stream().sorted().toList()).toLowerCase(Locale.ROOT);
  }
}
