package ${package}.adapter.simulated;

import ${package}.application.port.out.AnswerPort;
import java.time.Duration;
import java.util.Objects;

/**
 * A stand-in for a slow remote service: waits {@code latency}, then answers deterministically. The
 * default, so the service runs and its tests pass with no network; guarded like any long call.
 */
public final class SimulatedAnswers implements AnswerPort {
  private final Duration latency;

  public SimulatedAnswers(Duration latency) {
    this.latency = Objects.requireNonNull(latency, "latency");
  }

  @Override
  public String answer(String question) {
    try {
      Thread.sleep(latency);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while answering", e);
    }
    return "A simulated answer to \"" + question + "\" (" + question.length() + " characters).";
  }
}
