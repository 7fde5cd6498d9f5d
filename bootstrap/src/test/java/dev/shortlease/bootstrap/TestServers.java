package dev.shortlease.bootstrap;

import com.google.inject.Module;
import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.testing.ScriptedChatModel;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Starts the real service for tests: random port, private in-memory H2, fast settings. */
final class TestServers {
  static final String ADMIN_TOKEN = "admin-token-for-tests-0001";

  private TestServers() {}

  static Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("HOST", "127.0.0.1");
    env.put("PORT", "0");
    env.put("ADMIN_TOKEN", ADMIN_TOKEN);
    env.put("DATABASE_URL", "jdbc:h2:mem:sl-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    env.put("DB_POOL_SIZE", "4");
    env.put("SIMULATED_TTFT_MS", "0");
    env.put("SIMULATED_TOKENS_PER_SECOND", "2000");
    env.put("SIMULATED_ANSWER_TOKENS", "6");
    env.put("SSE_PING_INTERVAL_MS", "100");
    env.put("SHUTDOWN_GRACE_SECONDS", "1");
    env.put("DEMO_APP", "false");
    env.put(
        "ANSWER_SPOOL_DIR",
        System.getProperty("java.io.tmpdir") + "/shortlease-spool-" + UUID.randomUUID());
    env.put(
        "FILES_DIR",
        System.getProperty("java.io.tmpdir") + "/shortlease-files-" + UUID.randomUUID());
    env.put("GUARD_MODE", "strict");
    return env;
  }

  /** The service with the simulated model. */
  static ShortleaseServer simulated(Map<String, String> overrides) {
    Map<String, String> env = env();
    env.putAll(overrides);
    return ShortleaseServer.start(Settings.fromEnvironment(env));
  }

  /** The service with {@code model} as its (still guarded) chat model. */
  static ShortleaseServer scripted(ScriptedChatModel model, Module... more) {
    Module scripted =
        binder -> binder.bind(ChatModelPort.class).annotatedWith(RawModel.class).toInstance(model);
    Module[] all = new Module[more.length + 1];
    all[0] = scripted;
    System.arraycopy(more, 0, all, 1, more.length);
    return ShortleaseServer.start(Settings.fromEnvironment(env()), all);
  }
}
