package dev.shortlease.benchmark.report;

import static dev.shortlease.benchmark.report.ResultsWriterTest.died;
import static dev.shortlease.benchmark.report.ResultsWriterTest.point;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TargetsTest {

  private static Map<String, Targets.Target> byName(List<Targets.Target> targets) {
    return targets.stream().collect(Collectors.toMap(Targets.Target::target, Function.identity()));
  }

  @Test
  @DisplayName("ratio targets compare scoped with the floor at the same C=1000 point of the run")
  void ratiosAgainstTheFloor() {
    List<PointResult> points =
        List.of(
            point("floor", 1000, 2000, 495, 2100, 1.6, 4.0, 0),
            point("scoped", 1000, 2000, 480, 2300, 2.0, 7.0, 0),
            point("floor", 200, 2000, 99, 2010, 1.0, 1.0, 0),
            point("scoped", 200, 2000, 99, 2010, 9.0, 9.0, 0));

    Map<String, Targets.Target> t = byName(Targets.check(points, 100, 512, false));

    Targets.Target cpu = t.get("scoped CPU per chat <= 1.5x floor's (C=1000, L=2 s)");
    assertThat(cpu.status()).isEqualTo(Targets.Status.MET);
    assertThat(cpu.measured()).isEqualTo("1.25x");
    Targets.Target lease = t.get("scoped lease per chat <= 1.5x floor's (C=1000, L=2 s)");
    assertThat(lease.status()).isEqualTo(Targets.Status.MISSED);
    assertThat(lease.measured()).isEqualTo("1.75x");
    assertThat(FloorRatios.of(points)).hasSize(2);
  }

  @Test
  @DisplayName(
      "scale targets: efficiency and errors at C=1000, errors at C=2000, the C=10000 point's heap"
          + " and memory per stream, the capped modes near P / L and 50x below scoped")
  void scaleTargets() {
    PointResult longPoint = point("scoped", 10_000, 20_000, 460, 21_000, 2.0, 5.0, 0);
    List<PointResult> points =
        List.of(
            point("scoped", 1000, 2000, 480, 2300, 2.0, 7.0, 0),
            point("scoped", 2000, 2000, 520, 4000, 2.0, 17.0, 2),
            longPoint,
            point("held", 1000, 2000, 4.7, 5000, 30, 2000, 4000),
            point("spring-osiv", 1000, 2000, 12, 5000, 30, 2000, 4000),
            point("spring-osiv-body", 1000, 2000, 4.9, 5000, 30, 2000, 4000));

    Map<String, Targets.Target> t = byName(Targets.check(points, 400, 512, true));

    assertThat(t.get("efficiency >= 0.95 (scoped, C=1000, L=2 s)").status())
        .isEqualTo(Targets.Status.MET);
    assertThat(t.get("zero errors past the CPU limit (scoped, C=2000, L=2 s)").status())
        .isEqualTo(Targets.Status.MISSED);
    assertThat(t.get("efficiency >= 0.90 (scoped, C=10000, L=20 s)").status())
        .isEqualTo(Targets.Status.MET);
    assertThat(t.get("memory per open stream reported (scoped, C=10000, L=20 s)").measured())
        .isEqualTo("20.5 KiB heap, 30.1 KiB RSS over 10000 open streams");
    assertThat(t.get("throughput near P / L (held, C=1000, L=2 s): 5.0/s").status())
        .isEqualTo(Targets.Status.MET);
    assertThat(t.get("throughput near P / L (spring-osiv, C=1000, L=2 s): 5.0/s").status())
        .as("12/s is above 1.1 P / L")
        .isEqualTo(Targets.Status.MISSED);
    assertThat(t.get("scoped throughput >= 50x held (C=1000, L=2 s)").measured())
        .isEqualTo("102.1x");
    assertThat(t.get("scoped throughput >= 50x spring-osiv (C=1000, L=2 s)").status())
        .isEqualTo(Targets.Status.MISSED);
    assertThat(t.get("throughput near P / L (spring-osiv-body, C=1000, L=2 s): 5.0/s").status())
        .isEqualTo(Targets.Status.MET);
    assertThat(t.get("scoped throughput >= 50x spring-osiv-body (C=1000, L=2 s)").measured())
        .isEqualTo("98.0x");
    assertThat(t.get("default run under 6 minutes").status()).isEqualTo(Targets.Status.MISSED);
    assertThat(t.get("scoped CPU per chat <= 1.5x floor's (C=1000, L=2 s)").status())
        .as("no floor point in the run")
        .isEqualTo(Targets.Status.NOT_MEASURED);
    assertThat(t.get("heap within -Xmx512m (scoped, C=10000, L=20 s)").status())
        .isEqualTo(Targets.Status.MET);
    assertThat(t.get("service heap within -Xmx512m (scoped, every point)").status())
        .isEqualTo(Targets.Status.MET);
  }

  @Test
  @DisplayName("a capped mode that completed nothing is below scoped by any factor, and says so")
  void aCappedModeThatCompletedNothing() {
    Map<String, Targets.Target> t =
        byName(
            Targets.check(
                List.of(
                    point("scoped", 1000, 2000, 480, 2300, 2.0, 7.0, 0),
                    point("spring-osiv", 1000, 2000, 0, 0, 30, 0, 1496)),
                400,
                512,
                false));

    Targets.Target times = t.get("scoped throughput >= 50x spring-osiv (C=1000, L=2 s)");
    assertThat(times.status()).isEqualTo(Targets.Status.MET);
    assertThat(times.measured()).isEqualTo("spring-osiv completed nothing");
    assertThat(t.get("throughput near P / L (spring-osiv, C=1000, L=2 s): 5.0/s").status())
        .isEqualTo(Targets.Status.MISSED);
  }

  @Test
  @DisplayName(
      "a service that died during the C=10000 point missed its heap limit, whatever its last heap"
          + " sample (taken before the death) said")
  void aDeadServiceIsNotWithinItsHeap() {
    PointResult dead =
        died(
            point("scoped", 10_000, 20_000, 0, 0, 2.0, 5.0, 481_183),
            "exited with 3: Terminating due to java.lang.OutOfMemoryError: Java heap space");
    assertThat(dead.serverHeapMaxMb()).as("the last sample looked fine").isLessThan(512);

    Map<String, Targets.Target> t =
        byName(
            Targets.check(
                List.of(point("scoped", 1000, 2000, 480, 2300, 2.0, 7.0, 0), dead),
                100,
                512,
                false));

    Targets.Target longHeap = t.get("heap within -Xmx512m (scoped, C=10000, L=20 s)");
    assertThat(longHeap.status()).isEqualTo(Targets.Status.MISSED);
    assertThat(longHeap.measured()).contains("service died", "OutOfMemoryError");
    Targets.Target everyPoint = t.get("service heap within -Xmx512m (scoped, every point)");
    assertThat(everyPoint.status()).isEqualTo(Targets.Status.MISSED);
    assertThat(everyPoint.measured()).startsWith("C=10000: service died");
  }

  @Test
  @DisplayName("a point is within the heap limit if its highest sample is and its service lived")
  void heapWithinTheLimit() {
    PointResult p = point("scoped", 1000, 2000, 480, 2300, 2.0, 7.0, 0);
    assertThat(p.heapWithin(512)).isTrue();
    assertThat(p.heapWithin(100)).isFalse();
    assertThat(died(p, "exited with 137").heapWithin(512)).isFalse();
  }
}
