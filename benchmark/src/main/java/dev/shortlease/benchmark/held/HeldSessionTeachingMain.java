package dev.shortlease.benchmark.held;

import dev.shortlease.bootstrap.Settings;
import dev.shortlease.bootstrap.ShortleaseServer;

/**
 * Teaching variant (benchmark only): starts the service as {@code dev.shortlease.bootstrap.Main}
 * does, from the same environment variables, with {@link HeldSessionTeachingModule} installed. The
 * benchmark runs it as a child process for its {@code held} mode.
 */
public final class HeldSessionTeachingMain {

  private HeldSessionTeachingMain() {}

  public static void main(String[] args) {
    Settings settings = Settings.fromEnvironment(System.getenv());
    HeldSessionTeachingModule held = new HeldSessionTeachingModule();
    ShortleaseServer server =
        ShortleaseServer.startDecorated(settings, held.dataSourceDecorator(), held);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shortlease-shutdown"));
    System.out.println(
        "shortlease (held-session teaching variant, benchmark only) at " + server.baseUrl());
  }
}
