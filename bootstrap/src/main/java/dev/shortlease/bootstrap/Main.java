package dev.shortlease.bootstrap;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Entry point: reads the environment, starts the service, prints how to call it, and shuts down
 * gracefully on SIGTERM / Ctrl-C. A bad setting or an unreachable database ends the process with
 * one clear line and exit code 2 or 1.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Settings settings;
    try {
      settings = Settings.fromEnvironment(System.getenv());
    } catch (SettingsException e) {
      System.err.println("shortlease: bad setting: " + e.getMessage());
      System.exit(2);
      return;
    }
    ShortleaseServer server;
    try {
      server = serve(settings, Runtime.getRuntime()::addShutdownHook, ShortleaseServer::start);
    } catch (StartupException e) {
      System.err.println("shortlease: " + e.getMessage());
      System.exit(1);
      return;
    }
    System.out.println(banner(server));
  }

  /**
   * Starts the server through {@code start}, its graceful stop registered with {@code addHook}
   * first: a SIGTERM right after the server listens must not end the JVM without it.
   */
  static ShortleaseServer serve(
      Settings settings, Consumer<Thread> addHook, Function<Settings, ShortleaseServer> start) {
    ShutdownHook hook = new ShutdownHook(settings.shutdownGrace());
    addHook.accept(new Thread(hook, "shortlease-shutdown"));
    ShortleaseServer server;
    try {
      server = start.apply(settings);
    } catch (RuntimeException | Error e) {
      hook.startFailed();
      throw e;
    }
    hook.started(server);
    return server;
  }

  static String banner(ShortleaseServer server) {
    return StartBanner.text(
        server.settings(), server.baseUrl(), server.managementUrl(), server.appsAtStart());
  }
}
