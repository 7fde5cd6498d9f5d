package dev.shortlease.bootstrap;

import dev.shortlease.application.port.in.ManageAppsUseCase;

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
    String base = server.baseUrl();
    StringBuilder out = new StringBuilder();
    out.append("\nshortlease is running at ").append(base).append('\n');
    out.append("  database: ").append(server.settings().database().jdbcUrl().split("[;?]")[0]);
    out.append("\n  model:    ").append(server.settings().llm().provider()).append('\n');
    if (server.settings().adminTokenGenerated()) {
      out.append("  admin token (generated; set ADMIN_TOKEN to keep one): ")
          .append(server.settings().adminToken())
          .append('\n');
    }
    String key = "<your app key>";
    if (server.demoApp().isPresent()) {
      ManageAppsUseCase.CreatedApp demo = server.demoApp().get();
      key = demo.key().plainKey();
      out.append("  demo app ")
          .append(demo.app().id())
          .append(" created; its key (shown once): ")
          .append(key)
          .append('\n');
    } else {
      out.append("  apps exist already; create one (and its key) with POST /admin/apps\n");
    }
    out.append("\nTry it:\n")
        .append("  curl -s ")
        .append(base)
        .append("/v1/chat-messages \\\n")
        .append("    -H 'Authorization: Bearer ")
        .append(key)
        .append("' -H 'Content-Type: application/json' \\\n")
        .append(
            "    -d '{\"query\": \"Hello!\", \"user\": \"alice\", \"response_mode\": \"blocking\", \"inputs\": {}}'\n");
    return out.toString();
  }
}
