package dev.shortlease.bootstrap;

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
      server = ShortleaseServer.start(settings);
    } catch (StartupException e) {
      System.err.println("shortlease: " + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shortlease-shutdown"));
    System.out.println(banner(server));
  }

  static String banner(ShortleaseServer server) {
    return StartBanner.text(
        server.settings(), server.baseUrl(), server.managementUrl(), server.appsAtStart());
  }
}
