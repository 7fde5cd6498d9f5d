package dev.shortlease.benchmark.demo;

import dev.shortlease.adapter.llm.LangChain4jChatModel;
import dev.shortlease.adapter.persistence.DataSourceDecorator;
import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.benchmark.held.HeldSessionTeachingModule;
import dev.shortlease.bootstrap.RawModel;
import dev.shortlease.bootstrap.Settings;
import dev.shortlease.bootstrap.ShortleaseServer;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Demonstration: the two ways to serve a chat. {@link #HELD} is the benchmark's teaching variant
 * (one connection for the whole request, as open-session-in-view does); it exists only in this
 * module and no setting of the service selects it. {@link #SCOPED} is the service as it ships.
 */
enum DemoStyle {
  HELD("connection per request", "warn"),
  SCOPED("shortlease (short leases)", "strict");

  private final String label;
  private final String guardMode;

  DemoStyle(String label, String guardMode) {
    this.label = label;
    this.guardMode = guardMode;
  }

  String label() {
    return label;
  }

  /**
   * GUARD_MODE: the held style runs in {@code warn}, so its cost is the pool running dry, as in a
   * real service without the guard; the guard still logs and counts each breach of rule R3.
   */
  String guardMode() {
    return guardMode;
  }

  /** Starts the service in this style, its pool watched by {@code leases}, its model timed. */
  ShortleaseServer start(Map<String, String> env, LeaseRecorder leases, ModelCallRecorder model) {
    Settings settings = Settings.fromEnvironment(env);
    com.google.inject.Module timedModel =
        binder -> binder.bind(ChatModelPort.class).annotatedWith(RawModel.class).toInstance(model);
    if (this == SCOPED) {
      return ShortleaseServer.startDecorated(settings, leases, timedModel);
    }
    HeldSessionTeachingModule held = new HeldSessionTeachingModule();
    DataSourceDecorator heldOverLeases =
        new DataSourceDecorator() {
          @Override
          public DataSource decorate(DataSource tracked) {
            return held.dataSourceDecorator().decorate(leases.decorate(tracked));
          }

          @Override
          public boolean picksConnectionByCallingThread() {
            return true;
          }
        };
    return ShortleaseServer.startDecorated(settings, heldOverLeases, held, timedModel);
  }

  /** The simulated model as the settings describe it (the service's default provider). */
  static ChatModelPort simulatedModel(Map<String, String> env) {
    return LangChain4jChatModel.fromSettings(Settings.fromEnvironment(env).llm());
  }
}
