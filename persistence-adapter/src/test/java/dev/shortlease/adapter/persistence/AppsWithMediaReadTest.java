package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.persistence.testing.H2TestDatabase;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMedia;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.FileKind;
import dev.shortlease.domain.FileTransfer;
import dev.shortlease.domain.NewApp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The admin list's read: however many apps, one connection, not one read per app. */
class AppsWithMediaReadTest {

  @Test
  @DisplayName("listing five apps with their switches borrows one connection")
  void oneBorrowForAllApps() {
    AtomicInteger borrowed = new AtomicInteger();
    try (PersistenceContext context =
        PersistenceContext.start(
            H2TestDatabase.newDatabase(),
            new SimpleMeterRegistry(),
            BorrowCounting.counting(borrowed))) {
      FilesAdapter files = new FilesAdapter(context.sessionScope());
      AppMedia speech =
          new AppMedia(
              false,
              Set.of(FileKind.IMAGE),
              3,
              Set.of(FileTransfer.LOCAL_FILE),
              true,
              false,
              "",
              "");
      for (int i = 0; i < 5; i++) {
        AppId app =
            context
                .apps()
                .createApp(new NewApp("a" + i, null, AppMode.CHAT, null, null, null, null));
        files.saveMedia(app, speech);
      }
      int before = borrowed.get();

      assertThat(files.listAppsWithMedia()).hasSize(5).allMatch(a -> a.media().equals(speech));

      assertThat(borrowed.get() - before).isEqualTo(1);
    }
  }
}
