package dev.shortlease.bootstrap;

import dev.shortlease.adapter.llm.LlmProvider;
import dev.shortlease.adapter.llm.LlmSettings;

/**
 * Start-up: the text printed once the service listens — where it runs, on which database and model,
 * and the next command to type for each state of the database (demo app just created, demo app from
 * an earlier start, other apps, no app).
 */
final class StartBanner {
  private static final String CHAT_BODY =
      "{\"query\": \"Hello!\", \"user\": \"alice\", \"response_mode\": \"blocking\", \"inputs\": {}}";

  private StartBanner() {}

  /** {@code base}: the public API; {@code management}: where {@code /admin/*} is served. */
  static String text(Settings settings, String base, String management, DemoApp.Outcome apps) {
    // A configured token stays out of the output; a generated one is printed right here anyway.
    // Double quotes, so a shell expands $ADMIN_TOKEN in the line as printed.
    String token = settings.adminTokenGenerated() ? settings.adminToken() : "$ADMIN_TOKEN";
    String admin = " -H \"Authorization: Bearer " + token + "\"";
    StringBuilder out = new StringBuilder();
    out.append("\nshortlease is running at ").append(base).append('\n');
    out.append("  database: ")
        .append(settings.database().redactedJdbcUrl().split("[;?]")[0])
        .append('\n');
    out.append("  model:    ").append(model(settings.llm())).append('\n');
    if (!management.equals(base)) {
      out.append("  admin, dashboard and metrics: ")
          .append(management)
          .append(" (MANAGEMENT_PORT)\n");
    }
    if (settings.adminTokenGenerated()) {
      out.append("  admin token (generated; set ADMIN_TOKEN to keep one): ")
          .append(settings.adminToken())
          .append('\n');
    }
    String key;
    switch (apps) {
      case DemoApp.Created created -> {
        key = created.app().key().plainKey();
        out.append("  demo app ")
            .append(created.app().app().id())
            .append(" created; its key (shown once): ")
            .append(key)
            .append('\n');
      }
      case DemoApp.Existing existing -> {
        key = "<the api_key from that call>";
        out.append("  demo app ")
            .append(existing.demoApp())
            .append(" (from an earlier start; its key was shown then). A new key for it:\n")
            .append("    curl -s -X POST ")
            .append(management)
            .append("/admin/apps/")
            .append(existing.demoApp())
            .append("/keys")
            .append(admin)
            .append('\n');
      }
      case DemoApp.OtherApps other -> {
        key = "<the api_key from that call>";
        out.append("  ")
            .append(other.apps())
            .append(other.apps() == 1 ? " app exists" : " apps exist")
            .append("; list them, then mint a key for one:\n")
            .append("    curl -s ")
            .append(management)
            .append("/admin/apps")
            .append(admin)
            .append('\n')
            .append("    curl -s -X POST ")
            .append(management)
            .append("/admin/apps/<id>/keys")
            .append(admin)
            .append('\n');
      }
      case DemoApp.NoApps none -> {
        key = "<the api_key from that call>";
        out.append("  no apps yet; create one, with its key:\n")
            .append("    curl -s -X POST ")
            .append(management)
            .append("/admin/apps")
            .append(admin)
            .append(" -H 'Content-Type: application/json' \\\n")
            .append("      -d '{\"name\": \"Support\", \"mode\": \"chat\"}'\n");
      }
    }
    out.append("\nTry it:\n")
        .append("  curl -s ")
        .append(base)
        .append("/v1/chat-messages \\\n")
        .append("    -H 'Authorization: Bearer ")
        .append(key)
        .append("' -H 'Content-Type: application/json' \\\n")
        .append("    -d '")
        .append(CHAT_BODY)
        .append("'\n");
    return out.toString();
  }

  /** "simulated", or the provider, its model and where it is (the URL without secrets). */
  static String model(LlmSettings llm) {
    if (llm.kind() == LlmProvider.SIMULATED) {
      return "simulated (offline filler words; set LLM_PROVIDER for a real model)";
    }
    return llm.provider() + ", model " + llm.modelName() + " at " + llm.redactedBaseUrl();
  }
}
