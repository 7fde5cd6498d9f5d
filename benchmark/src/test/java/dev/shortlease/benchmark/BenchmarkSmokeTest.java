package dev.shortlease.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase;
import dev.shortlease.benchmark.report.PointResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few dozen real streaming chats per mode against a child service on PostgreSQL: correctness only
 * (no timing thresholds — the machine may be busy).
 */
@PostgresTest
class BenchmarkSmokeTest {

  /**
   * Three: with two, one is reserved for final saves and held requests (each keeping a connection
   * from its start) can stall each other's next step until the acquire timeout, past the window.
   */
  private static final int POOL_SIZE = 3;

  /** Messages left {@code RUNNING} and messages in total, per mode, read before the drop. */
  private final Map<Mode, long[]> messages = new ConcurrentHashMap<>();

  @Test
  @DisplayName(
      "a small run completes every scoped and floor chat in alternating windows, ends every"
          + " message, saturates the pool in held mode, and reports every field")
  void smallRunOfBothModes(@TempDir Path output) throws Exception {
    BenchmarkSettings settings =
        new BenchmarkSettings(
            List.of(new LoadPoint(8, Duration.ofMillis(200), java.util.Set.of())),
            POOL_SIZE,
            2,
            List.of(Mode.SCOPED, Mode.FLOOR, Mode.HELD),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            2, // scoped and the floor in two alternating rounds; held in one window
            // Generous: the request timeout derives from it, and a busy machine slows every chat.
            Duration.ofMillis(4000),
            BenchTestSupport.adminUrl(PostgresTestDatabase.settings()),
            "256m",
            List.of(),
            output);

    BenchmarkRun.Written written =
        new BenchmarkRun(settings, BenchTestSupport.childClasspath(), this::countMessages)
            .execute(false);

    List<PointResult> points = written.report().results();
    assertThat(points).extracting(PointResult::mode).containsExactly("scoped", "floor", "held");
    PointResult scoped = points.get(0);
    PointResult floor = points.get(1);
    PointResult held = points.get(2);
    assertThat(scoped.windowS()).as("two 2 s windows summed").isBetween(3.8, 4.6);
    assertThat(floor.windowS()).as("two 2 s windows summed").isBetween(3.8, 4.6);
    assertThat(held.windowS()).as("one window").isBetween(1.8, 2.6);
    assertThat(floor.completed()).isPositive();
    assertThat(floor.errors()).isZero();
    // Completed counts depend on how busy the machine is; only "some, and none failed" is stable.
    assertThat(scoped.completed()).isPositive();
    assertThat(scoped.errors()).isZero();
    // Sampled every 250 ms, a pool of sub-millisecond leases may read 0; the lease counters do not.
    assertThat(scoped.maxActiveConnections()).isBetween(0, POOL_SIZE);
    assertThat(scoped.connectionLeasesPerChat())
        .as("T2 and T4 each lease a connection")
        .isGreaterThan(1);
    assertThat(scoped.connectionLeaseMsPerChat()).isPositive();
    assertThat(scoped.guardViolations()).isZero();
    assertThat(held.completed()).isPositive();
    assertThat(held.guardViolations())
        .as("the R3 guard sees the request's connection from the generation thread")
        .isPositive();
    assertThat(held.leaks()).as("the R7 leak check sees send() return holding it").isPositive();
    assertThat(held.maxActiveConnections()).isEqualTo(POOL_SIZE);
    assertThat(held.maxBackendConnections()).isBetween(1, POOL_SIZE);
    for (Mode mode : List.of(Mode.SCOPED, Mode.FLOOR, Mode.HELD)) {
      assertThat(messages.get(mode)[1]).as("messages saved in %s mode", mode).isPositive();
      assertThat(messages.get(mode)[0]).as("messages left running in %s mode", mode).isZero();
    }
    JsonNode json =
        new ObjectMapper().readTree(written.directory().resolve("results.json").toFile());
    for (JsonNode point : json.path("results")) {
      assertThat(point.fieldNames())
          .toIterable()
          .containsAll(dev.shortlease.benchmark.report.ResultsWriterTest.REQUIRED_FIELDS);
    }
    assertThat(written.directory().resolve("chart.png")).isNotEmptyFile();
  }

  private void countMessages(Mode mode, int concurrency, String schemaUrl, String schema)
      throws Exception {
    messages.put(mode, BenchTestSupport.runningAndTotalMessages(schemaUrl, schema));
  }
}
