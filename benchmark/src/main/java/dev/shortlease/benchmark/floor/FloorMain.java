package dev.shortlease.benchmark.floor;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.shortlease.bootstrap.PlatformThreadScrape;
import io.javalin.Javalin;
import io.javalin.http.ContentType;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.flywaydb.core.Flyway;

/**
 * The benchmark's {@code floor} mode: the least code serving the benchmark's chat contract on the
 * service's stack — Javalin/Jetty on virtual threads with the same accept queue, Jackson, HikariCP
 * with Micrometer's pool metrics, the service's own Flyway migrations — and plain JDBC in one
 * handler ({@link FloorChatHandler}). It measures what this stack costs per chat at best, so the
 * benchmark can report the architecture's price as a ratio. Not a product: no settings beyond the
 * environment the benchmark gives every mode, no admin API (the benchmark seeds its app).
 */
public final class FloorMain {

  /** As the service's HttpApi: Jetty's default backlog (50) drops bursts of new connections. */
  private static final int ACCEPT_QUEUE = 1024;

  private static final Pattern SCHEMA = Pattern.compile("[?&]currentSchema=([^&]+)");

  private FloorMain() {}

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    String url = env.get("DATABASE_URL");
    migrate(url);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    FloorPool pool = new FloorPool(pool(env, url, registry));
    pool.bindTo(registry);
    FloorChatHandler chat =
        new FloorChatHandler(
            pool,
            Duration.ofMillis(Long.parseLong(env.getOrDefault("SIMULATED_TTFT_MS", "1000"))),
            Double.parseDouble(env.getOrDefault("SIMULATED_TOKENS_PER_SECOND", "5")),
            Integer.parseInt(env.getOrDefault("SIMULATED_ANSWER_TOKENS", "5")));
    int port = Integer.parseInt(env.getOrDefault("PORT", "0"));
    Javalin app =
        Javalin.create(
            config -> {
              config.concurrency.useVirtualThreads = true;
              config.startup.showJavalinBanner = false;
              config.jetty.addConnector(
                  (server, http) -> {
                    // As the service's HttpApi: no per-connection header cache (~20 KiB each).
                    http.setHeaderCacheSize(0);
                    ServerConnector connector =
                        new ServerConnector(server, new HttpConnectionFactory(http));
                    connector.setPort(port);
                    connector.setAcceptQueueSize(ACCEPT_QUEUE);
                    return connector;
                  });
              config.routes.get("/health/ready", ctx -> ctx.result("ok"));
              config.routes.get(
                  "/metrics",
                  ctx ->
                      ctx.contentType(ContentType.PLAIN)
                          .result(PlatformThreadScrape.of(registry::scrape)));
              config.routes.post("/v1/chat-messages", chat::chat);
            });
    app.start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.stop();
                  pool.close();
                }));
  }

  /** The service's migrations, so the tables (and their indexes) are the service's. */
  private static void migrate(String url) {
    var flyway = Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration");
    Matcher schema = SCHEMA.matcher(url);
    if (schema.find()) {
      flyway.schemas(schema.group(1)).defaultSchema(schema.group(1)).createSchemas(true);
    }
    flyway.load().migrate();
  }

  /** HikariCP as the service configures it: same size, timeout, no auto-commit, same metrics. */
  private static HikariDataSource pool(
      Map<String, String> env, String url, PrometheusMeterRegistry registry) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("floor");
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(Integer.parseInt(env.getOrDefault("DB_POOL_SIZE", "10")));
    long timeout = Long.parseLong(env.getOrDefault("DB_CONNECTION_TIMEOUT_MS", "3000"));
    config.setConnectionTimeout(timeout);
    config.setValidationTimeout(Math.min(1_000, timeout));
    config.setAutoCommit(false);
    config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    return new HikariDataSource(config);
  }
}
