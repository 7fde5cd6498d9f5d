package ${package}.bootstrap;

import java.util.Map;
import java.util.UUID;

/** Settings of a test service: a fresh in-memory H2 database, any free port, a quick model. */
final class TestSettings {
  private TestSettings() {}

  static Settings fresh() {
    return Settings.fromEnvironment(
        Map.of(
            "DATABASE_URL", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
            "HOST", "127.0.0.1",
            "PORT", "0",
            "SIMULATED_LATENCY_MS", "20"));
  }
}
