package ${package}.bootstrap;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Settings of a test service: a fresh in-memory H2 database, any free port, a quick model. */
final class TestSettings {
  private TestSettings() {}

  static Settings fresh() {
    return fresh(Map.of());
  }

  /** As {@link #fresh()}, with {@code extra} variables added or replaced. */
  static Settings fresh(Map<String, String> extra) {
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "DATABASE_URL", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "HOST", "127.0.0.1",
                "PORT", "0",
                "SIMULATED_LATENCY_MS", "20"));
    env.putAll(extra);
    return Settings.fromEnvironment(env);
  }
}
