package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.persistence.testing.H2TestDatabase;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMedia;
import dev.shortlease.domain.AppMediaPatch;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.AppPatch;
import dev.shortlease.domain.AppUpdate;
import dev.shortlease.domain.FileKind;
import dev.shortlease.domain.FileTransfer;
import dev.shortlease.domain.NewApp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code AppsPort.updateApp(id, update)} changes only the app's row: it locks and writes that row
 * and never reads the media switches ({@code app_media}), which only a patch changes. Checked on
 * the SQL that reaches the database.
 */
class AppUpdateStatementsTest {
  private final List<String> statements = new CopyOnWriteArrayList<>();
  private PersistenceContext context;
  private AppId app;

  @BeforeEach
  void appWithSwitches() {
    context =
        PersistenceContext.start(
            H2TestDatabase.newDatabase(),
            new SimpleMeterRegistry(),
            tracked ->
                ProxyDataSourceBuilder.create(tracked)
                    .afterQuery(SqlText.into(statements))
                    .build());
    app = context.apps().createApp(new NewApp("a", null, AppMode.CHAT, null, null, null, null));
    AppMedia images =
        new AppMedia(
            false,
            Set.of(FileKind.IMAGE),
            3,
            Set.of(FileTransfer.LOCAL_FILE),
            false,
            false,
            "",
            "");
    context.appSetup().updateApp(app, AppPatch.media(AppMediaPatch.replacing(images)));
    statements.clear();
  }

  @AfterEach
  void stop() {
    context.close();
  }

  @Test
  @DisplayName("an app update locks and writes the app's row and reads no media switches")
  void updateReadsNoSwitches() {
    assertThat(
            context
                .apps()
                .updateApp(app, new AppUpdate("renamed", null, null, null, null, null, null, null)))
        .hasValueSatisfying(updated -> assertThat(updated.name()).isEqualTo("renamed"));

    assertThat(statements).as("statements of the update").isNotEmpty();
    assertThat(statements).noneMatch(s -> s.contains("app_media"));
    assertThat(statements)
        .filteredOn(s -> s.startsWith("select"))
        .singleElement()
        .satisfies(s -> assertThat(s).contains("for update"));
    assertThat(statements).anyMatch(s -> s.startsWith("update app "));
  }
}
