package ${package}.bootstrap;

/**
 * Entry point: reads the environment, starts the service, prints how to call it, and stops cleanly
 * on SIGTERM / Ctrl-C. A bad setting or an unreachable database ends the process with one line and
 * exit code 2 or 1.
 */
public final class Main {
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
      server = Server.start(settings);
    } catch (RuntimeException e) {
      System.err.println("${rootArtifactId}: cannot start: " + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
    System.out.println(banner(server));
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
