package dev.shortlease.benchmark.service;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Benchmark harness: how one mode's service process is launched and what it answers besides the
 * chat endpoint. Every service gets the same environment from the runner ({@code PORT}, {@code
 * DATABASE_URL} with the point's schema and user, {@code DB_POOL_SIZE}, {@code
 * DB_CONNECTION_TIMEOUT_MS}, {@code SIMULATED_TTFT_MS}, {@code SIMULATED_TOKENS_PER_SECOND}, {@code
 * SIMULATED_ANSWER_TOKENS}, {@code ADMIN_TOKEN}) plus {@link #env()}, and must serve {@code POST
 * /v1/chat-messages} (streaming) for an app key the runner obtains as {@link #apps()} says.
 *
 * @param mainClass the class whose {@code main} the child JVM runs
 * @param classpath the child's classpath, given the benchmark module's own runtime classpath (a
 *     peer with conflicting dependencies, such as a Spring Boot app, can return its own)
 * @param env extra environment for this mode only
 * @param readyPath answers 200 once the service serves chats
 * @param metricsPath Prometheus text with Micrometer's HikariCP metrics ({@code
 *     hikaricp_connections_usage_seconds}, {@code _active}, {@code _pending}, {@code
 *     _timeout_total}) and {@code jvm_memory_used_bytes}
 * @param adminPool whether {@code GET /admin/pool} exists (the service's snapshot with acquire and
 *     lease percentiles, guard and leak counters); without it the runner reads the pool from {@link
 *     #metricsPath} and reports what only the snapshot knows as missing
 * @param apps how the runner gets an app key
 */
public record ServiceLaunch(
    String mainClass,
    UnaryOperator<String> classpath,
    Map<String, String> env,
    String readyPath,
    String metricsPath,
    boolean adminPool,
    Apps apps) {

  /** How the runner gets an app key for the load. */
  public enum Apps {
    /** {@code POST /admin/apps} with the {@code ADMIN_TOKEN}, as an operator would. */
    ADMIN_API,
    /**
     * Rows written by the runner into the point's schema once the service is ready (it migrated the
     * schema with the service's Flyway migrations): {@link SeededApp}. For services that have no
     * admin API.
     */
    DATABASE_SEED
  }

  public ServiceLaunch {
    env = Map.copyOf(env);
  }

  /**
   * A main class of the service or the benchmark module, on the benchmark's classpath, with the
   * service's endpoints ({@code /health/ready}, {@code /metrics}, {@code /admin/*}).
   */
  public static ServiceLaunch serviceMain(String mainClass, Map<String, String> env) {
    return new ServiceLaunch(
        mainClass,
        UnaryOperator.identity(),
        env,
        "/health/ready",
        "/metrics",
        true,
        Apps.ADMIN_API);
  }
}
