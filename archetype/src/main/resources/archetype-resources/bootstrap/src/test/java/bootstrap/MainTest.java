package ${package}.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SIGTERM at each moment of a start, without a signal: the test runs the hook serve added. */
class MainTest {
  private final List<Thread> hooks = new ArrayList<>();
  private volatile int port;

  @Test
  void aStopRightAfterTheStartClosesTheServer() throws Exception {
    Main.serve(TestSettings.fresh(), hooks::add, this::started);

    runTheHook();

    assertClosed(port);
  }

  @Test
  void aStopDuringTheStartWaitsForItThenClosesTheServer() throws Exception {
    Main.serve(
        TestSettings.fresh(),
        hooks::add,
        settings -> {
          assertThat(hooks).as("registered before the start").hasSize(1);
          Server server = started(settings);
          hooks.get(0).start(); // the signal comes before the start has returned
          return server;
        });

    hooks.get(0).join(10_000);

    assertThat(hooks.get(0).isAlive()).isFalse();
    assertClosed(port);
  }

  @Test
  void aStopDuringAFailedStartEndsAtOnce() throws Exception {
    assertThatThrownBy(
            () ->
                Main.serve(
                    TestSettings.fresh(),
                    hooks::add,
                    settings -> {
                      throw new IllegalStateException("cannot start the database");
                    }))
        .hasMessageContaining("cannot start the database");

    runTheHook();
  }

  private Server started(Settings settings) {
    Server server = Server.start(settings);
    port = server.port();
    return server;
  }

  private void runTheHook() throws InterruptedException {
    assertThat(hooks).hasSize(1);
    hooks.get(0).start();
    hooks.get(0).join(10_000);
    assertThat(hooks.get(0).isAlive()).as("the hook ended").isFalse();
  }

  private static void assertClosed(int port) {
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .as("the server still listens")
        .isInstanceOf(ConnectException.class);
  }
}
