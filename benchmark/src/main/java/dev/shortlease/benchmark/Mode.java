package dev.shortlease.benchmark;

import dev.shortlease.benchmark.service.ServiceLaunch;
import dev.shortlease.benchmark.service.SpringOsivPeer;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark mode: which service the child process runs, and how ({@link ServiceLaunch}). {@code
 * scoped} is the production main; {@code held} is the teaching variant that keeps one connection
 * for the whole request; {@code floor} is the same contract with no architecture; {@code
 * spring-osiv} and {@code spring-osiv-body} the Spring Boot peer in its two streaming shapes. A new
 * mode is one entry here.
 */
public enum Mode {
  SCOPED(
      ServiceLaunch.serviceMain("dev.shortlease.bootstrap.Main", Map.of("GUARD_MODE", "strict"))),
  /**
   * Held mode runs the guards in {@code warn} so that the measured failure is pool exhaustion, the
   * anti-pattern's real cost, and not the R3 guard refusing the call.
   */
  HELD(
      ServiceLaunch.serviceMain(
          "dev.shortlease.benchmark.held.HeldSessionTeachingMain", Map.of("GUARD_MODE", "warn"))),
  /**
   * The least code serving the same chat contract on the same stack (Javalin/Jetty, Jackson,
   * HikariCP, the service's schema) with plain JDBC: the per-chat cost the other modes are compared
   * with ({@code dev.shortlease.benchmark.floor}).
   */
  FLOOR(
      new ServiceLaunch(
          "dev.shortlease.benchmark.floor.FloorMain",
          java.util.function.UnaryOperator.identity(),
          Map.of(),
          "/health/ready",
          "/metrics",
          false,
          ServiceLaunch.Apps.DATABASE_SEED)),
  /**
   * The real peer: the same endpoint as a plain Spring Boot + Spring Data JPA application on its
   * defaults, open-session-in-view on (module {@code benchmark/spring-osiv}), streaming through an
   * {@code SseEmitter} as Spring's guides do.
   */
  SPRING_OSIV(SpringOsivPeer.launch("emitter")),
  /**
   * The same peer streaming through a {@code StreamingResponseBody}, whose thread open-session-in-
   * view binds to the request's {@code EntityManager}: connection-per-request without a second
   * connection.
   */
  SPRING_OSIV_BODY(SpringOsivPeer.launch("body"));

  private final ServiceLaunch launch;

  Mode(ServiceLaunch launch) {
    this.launch = launch;
  }

  /** How this mode's service process is started and what it answers. */
  public ServiceLaunch launch() {
    return launch;
  }

  /**
   * The name in {@code BENCH_MODES}, results and charts: {@code SPRING_OSIV} is {@code
   * spring-osiv}.
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Mode parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown mode '%s'; known: %s"
              .formatted(
                  text.trim(),
                  String.join(", ", java.util.Arrays.stream(values()).map(Mode::label).toList())),
          e);
    }
  }
}
