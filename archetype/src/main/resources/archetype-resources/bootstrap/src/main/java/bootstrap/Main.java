package ${package}.bootstrap;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Entry point: reads the environment, starts the service, prints how to call it, and stops cleanly
 * on SIGTERM / Ctrl-C. A bad setting or an unreachable database ends the process with one line and
 * exit code 2 or 1.
 */
public final class Main {
  /** How long a stop that comes during the start waits for it; a slower start has not listened. */
  private static final Duration START_WAIT = Duration.ofSeconds(5);

  private Main() {}

  public static void main(String[] args) {
    Settings settings;
    try {
      settings = Settings.fromEnvironment(System.getenv());
    } catch (SettingsException e) {
      System.err.println("${rootArtifactId}: bad setting: " + e.getMessage());
      System.exit(2);
      return;
    }
    Server server;
    try {
      server = serve(settings, Runtime.getRuntime()::addShutdownHook, Server::start);
    } catch (RuntimeException e) {
      System.err.println("${rootArtifactId}: cannot start: " + e.getMessage());
      System.exit(1);
      return;
    }
    System.out.println(banner(server));
  }

  /**
   * Starts the service through {@code start}, its stop registered with {@code addHook} first: a
   * SIGTERM right after the server starts listening must still close it. A stop that comes during
   * the start waits for it (at most {@link #START_WAIT}) and closes what started; a failed start
   * has closed what it opened itself.
   */
  static Server serve(
      Settings settings, Consumer<Thread> addHook, Function<Settings, Server> start) {
    CompletableFuture<Server> started = new CompletableFuture<>();
    addHook.accept(new Thread(() -> closeOnceStarted(started), "shutdown"));
    try {
      Server server = start.apply(settings);
      started.complete(server);
      return server;
    } catch (RuntimeException | Error e) {
      started.completeExceptionally(e);
      throw e;
    }
  }

  private static void closeOnceStarted(CompletableFuture<Server> started) {
    try {
      started.get(START_WAIT.toMillis(), TimeUnit.MILLISECONDS).close();
    } catch (ExecutionException | TimeoutException e) {
      // Failed: it closed what it opened. Still starting: nothing listens yet, nothing to lose.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String banner(Server server) {
    String base = server.baseUrl();
    return """

        ${rootArtifactId} is running at %s
          database: %s
          answers:  %s

        Try it:
          curl -s -X POST %s/questions -H 'Content-Type: application/json' \\
            -d '{"text": "Why is the sky blue?"}'
          curl -s -X POST %s/questions/<id>/answer
          curl -s %s/questions/<id>
        """
        .formatted(
            base,
            Server.redacted(server.settings().database().jdbcUrl()).split(";")[0],
#if( $withLlm == "true" )
            server.settings().llm().map(llm -> llm.model() + " at " + llm.baseUrl()).orElse("simulated"),
#else
            "simulated",
#end
            base,
            base,
            base);
  }
}
