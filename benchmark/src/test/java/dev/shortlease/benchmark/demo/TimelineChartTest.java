package dev.shortlease.benchmark.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineChartTest {

  private static final long MS = 1_000_000;

  private static final Timeline HELD =
      Timeline.of(
          "held",
          0,
          1_000 * MS,
          List.of(new Timeline.Span("connection", 10 * MS, 990 * MS)),
          List.of(new Timeline.Span("model", 20 * MS, 980 * MS)));
  private static final Timeline SCOPED =
      Timeline.of(
          "scoped",
          0,
          1_000 * MS,
          List.of(
              new Timeline.Span("connection", 0, 5 * MS),
              new Timeline.Span("connection", 990 * MS, 995 * MS)),
          List.of(new Timeline.Span("model", 10 * MS, 985 * MS)));

  @Test
  void overlapIsTheTimeALeaseAndAModelCallShare() {
    assertThat(HELD.overlapMillis()).isEqualTo(960);
    assertThat(SCOPED.overlapMillis()).isZero();
  }

  @Test
  void spansOutsideTheChatAreLeftOut() {
    Timeline timeline =
        Timeline.of(
            "x",
            100 * MS,
            200 * MS,
            List.of(new Timeline.Span("connection", 0, 50 * MS)),
            List.of(new Timeline.Span("model", 120 * MS, 180 * MS)));
    assertThat(timeline.spans()).extracting(Timeline.Span::kind).containsExactly("model");
  }

  @Test
  void textDrawsEachSpanOnTheSharedScale() {
    String text = TimelineChart.text(List.of(HELD, SCOPED));
    assertThat(text).contains("held (one chat, 1000 ms)").contains("scoped (one chat, 1000 ms)");
    String heldLease = text.lines().filter(l -> l.contains("980 ms")).findFirst().orElseThrow();
    assertThat(heldLease.chars().filter(c -> c == '#').count()).isGreaterThan(55);
  }

  @Test
  void svgHasOneRectanglePerSpanAndSaysTheOverlap() {
    String svg = TimelineChart.svg(List.of(HELD, SCOPED));
    assertThat(svg.split("class=\"connection\"", -1)).hasSize(4);
    assertThat(svg.split("class=\"model\"", -1)).hasSize(3);
    assertThat(svg)
        .contains("during the model call: 960 ms")
        .contains("during the model call: 0 ms");
  }

  @Test
  void knobsMustBePositiveWholeNumbers() {
    assertThatThrownBy(() -> DemoSettings.fromEnvironment(Map.of("DEMO_CHATS", "lots")))
        .hasMessageContaining("DEMO_CHATS must be a positive whole number");
    assertThat(DemoSettings.fromEnvironment(Map.of()).concurrency()).isEqualTo(200);
  }
}
