package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM at every moment of a start, without a signal: {@link Main#serve} registers its hook with
 * {@link Hooks}, which runs the hooks when a test says the signal came, as the JVM would.
 */
class MainShutdownHookTest {
  private final Hooks hooks = new Hooks();
  private final List<ShortleaseServer> servers = new ArrayList<>();
  private volatile int port;

  @AfterEach
  void closeServers() {
    servers.forEach(ShortleaseServer::close);
  }

  @Test
  @DisplayName("a SIGTERM right after the server listens stops it gracefully")
  void signalRightAfterListening() throws Exception {
    serve(settings -> signalAfter(started(settings)));

    hooks.awaitAll(Duration.ofSeconds(15));
    assertStopped();
  }

  @Test
  @DisplayName("a SIGTERM before the start ends waits for it, then stops the server")
  void signalBeforeTheStartEnds() throws Exception {
    serve(
        settings -> {
          hooks.signal();
          return started(settings);
        });

    hooks.awaitAll(Duration.ofSeconds(15));
    assertStopped();
  }

  @Test
  @DisplayName("a SIGTERM during a start that fails ends at once")
  void signalDuringAFailedStart() throws Exception {
    assertThatThrownBy(
            () ->
                serve(
                    settings -> {
                      hooks.signal();
                      throw new StartupException("cannot start: database down", null);
                    }))
        .isInstanceOf(StartupException.class);

    hooks.awaitAll(Duration.ofSeconds(1));
  }

  @Test
  @DisplayName("a SIGTERM during a start that does not end waits no longer than the grace")
  void signalDuringAStuckStart() throws Exception {
    CountDownLatch hooksDone = new CountDownLatch(1);
    // The start ends only once the hook has: a hook that waited for it without a bound would hang.
    Function<Settings, ShortleaseServer> stuck =
        settings -> {
          hooks.signal();
          try {
            hooks.awaitAll(Duration.ofSeconds(10)); // the grace is 1 s
            hooksDone.countDown();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          throw new StartupException("cannot start: gave up", null);
        };
    Thread start =
        Thread.ofPlatform()
            .start(
                () ->
                    assertThatThrownBy(() -> serve(stuck, Duration.ofSeconds(1)))
                        .isInstanceOf(StartupException.class));

    assertThat(hooksDone.await(15, TimeUnit.SECONDS)).as("hook ended during the start").isTrue();
    start.join();
  }

  /**
   * Served with a grace no start exceeds, even on a loaded machine: a start that outlasts the grace
   * is left to the JVM's exit, so the server would still listen here.
   */
  private ShortleaseServer serve(Function<Settings, ShortleaseServer> start) {
    return serve(start, Duration.ofSeconds(60));
  }

  private ShortleaseServer serve(Function<Settings, ShortleaseServer> start, Duration grace) {
    Map<String, String> env = TestServers.env();
    env.put("SHUTDOWN_GRACE_SECONDS", Long.toString(grace.toSeconds()));
    ShortleaseServer server = Main.serve(Settings.fromEnvironment(env), hooks::add, start);
    servers.add(server);
    return server;
  }

  private ShortleaseServer started(Settings settings) {
    ShortleaseServer server = ShortleaseServer.start(settings);
    servers.add(server);
    port = server.port();
    return server;
  }

  private ShortleaseServer signalAfter(ShortleaseServer server) {
    hooks.signal();
    return server;
  }

  private void assertStopped() {
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .as("the server still listens")
        .isInstanceOf(ConnectException.class);
  }

  /** Shutdown hooks as the JVM keeps them: run on the signal, refused once it came. */
  private static final class Hooks {
    private final List<Thread> added = new ArrayList<>();
    private boolean signalled;

    synchronized void add(Thread hook) {
      if (signalled) {
        throw new IllegalStateException("Shutdown in progress"); // as Runtime.addShutdownHook
      }
      added.add(hook);
    }

    synchronized void signal() {
      signalled = true;
      added.forEach(Thread::start);
    }

    /** Waits for every hook to end, failing the test if one does not within {@code limit}. */
    void awaitAll(Duration limit) throws InterruptedException {
      List<Thread> started;
      synchronized (this) {
        assertThat(signalled).as("signalled").isTrue();
        started = List.copyOf(added);
      }
      assertThat(started).as("hooks registered when the signal came").isNotEmpty();
      for (Thread hook : started) {
        assertThat(hook.join(limit)).as("hook ended within " + limit).isTrue();
      }
    }
  }
}
