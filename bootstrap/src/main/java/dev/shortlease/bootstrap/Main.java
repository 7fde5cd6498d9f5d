package dev.shortlease.bootstrap;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Entry point: reads the environment, starts the service, prints how to call it, and shuts down
 * gracefully on SIGTERM / Ctrl-C. A bad setting or an unreachable database ends the process with
 * one clear line and exit code 2 or 1. It takes no arguments: {@code --help} prints where the
 * settings are, anything else is refused rather than ignored.
 */
public final class Main {
  static final String USAGE =
      """
      shortlease: a Dify-compatible chat service that holds no database connection while a model works.
      It takes no arguments: every setting is an environment variable (README.md, Configuration).
      With none set it serves port 8080 on embedded H2 with the simulated model.""";

  private Main() {}

  public static void main(String[] args) {
    int exit = arguments(args, System.out, System.err);
    if (exit >= 0) {
      System.exit(exit);
      return;
    }
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

  /**
   * The exit code when {@code args} end the process before a start (0 for help, 2 for anything
   * else: an ignored argument would look like a setting that took), or -1 to start.
   */
  static int arguments(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      return -1;
    }
    if (List.of("--help", "-h", "help").contains(args[0])) {
      out.println(USAGE);
      return 0;
    }
    err.println("shortlease: unknown argument '" + args[0] + "'");
    err.println(USAGE);
    return 2;
  }

  static String banner(ShortleaseServer server) {
    return StartBanner.text(
        server.settings(), server.baseUrl(), server.managementUrl(), server.appsAtStart());
  }
}
