package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.persistence.testing.H2TestDatabase;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.InputForm;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** V4 on data written before it: completion apps get Dify's default form, chat apps none. */
class FormsMigrationTest {

  @Test
  @DisplayName("apps made before V4 read back with their mode's default form and no variables")
  void existingAppsGetTheirModesDefaultForm() throws SQLException {
    PersistenceSettings settings = H2TestDatabase.newDatabase();
    Flyway.configure()
        .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
        .locations("classpath:db/migration")
        .target("3")
        .load()
        .migrate();
    UUID completion = UUID.randomUUID();
    UUID chat = UUID.randomUUID();
    try (Connection c =
            DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
        Statement s = c.createStatement()) {
      for (String row :
          new String[] {
            "'" + completion + "', 'old completion', 'completion'",
            "'" + chat + "', 'old chat', 'chat'"
          }) {
        s.executeUpdate(
            "insert into app (id, name, mode, model, status, api_enabled) values ("
                + row
                + ", 'm', 'NORMAL', true)");
      }
    }

    try (PersistenceContext context =
        PersistenceContext.start(settings, new SimpleMeterRegistry())) {
      var completionApp = context.apps().findApp(new AppId(completion)).orElseThrow();
      assertThat(completionApp.userInputForm()).isEqualTo(InputForm.COMPLETION_DEFAULT);
      var chatApp = context.apps().findApp(new AppId(chat)).orElseThrow();
      assertThat(chatApp.userInputForm()).isEqualTo(InputForm.EMPTY);
      assertThat(chatApp.conversationVariables()).isEmpty();
    }
  }
}
