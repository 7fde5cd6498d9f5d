package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.persistence.testing.H2TestDatabase;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMedia;
import dev.shortlease.domain.AppMediaPatch;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.AppPatch;
import dev.shortlease.domain.AppsPage;
import dev.shortlease.domain.FileKind;
import dev.shortlease.domain.FileTransfer;
import dev.shortlease.domain.NewApp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The admin list's read: however many apps, one connection, not one read per app. */
class AppsWithMediaReadTest {
  private static final AppMedia SPEECH =
      new AppMedia(
          false, Set.of(FileKind.IMAGE), 3, Set.of(FileTransfer.LOCAL_FILE), true, false, "", "");

  private final AtomicInteger borrowed = new AtomicInteger();
  private PersistenceContext context;
  private FilesAdapter files;

  @BeforeEach
  void fiveAppsWithSwitches() {
    context =
        PersistenceContext.start(
            H2TestDatabase.newDatabase(),
            new SimpleMeterRegistry(),
            BorrowCounting.counting(borrowed));
    files = new FilesAdapter(context.sessionScope());
    for (int i = 0; i < 5; i++) {
      AppId app =
          context.apps().createApp(new NewApp("a" + i, null, AppMode.CHAT, null, null, null, null));
      context.appSetup().updateApp(app, AppPatch.media(AppMediaPatch.replacing(SPEECH)));
    }
  }

  @AfterEach
  void close() {
    context.close();
  }

  @Test
  @DisplayName("listing five apps with their switches borrows one connection")
  void oneBorrowForAllApps() {
    int before = borrowed.get();

    assertThat(files.listAppsWithMedia()).hasSize(5).allMatch(a -> a.media().equals(SPEECH));

    assertThat(borrowed.get() - before).isEqualTo(1);
  }

  @Test
  @DisplayName("a page of apps with their switches and the total borrow one connection")
  void oneBorrowForAPage() {
    int before = borrowed.get();

    AppsPage page = files.pageAppsWithMedia(2, 2);

    assertThat(borrowed.get() - before).isEqualTo(1);
    assertThat(page.items()).hasSize(2).allMatch(a -> a.media().equals(SPEECH));
    assertThat(page.items()).extracting(a -> a.app().name()).containsExactly("a2", "a3");
    assertThat(page.total()).isEqualTo(5);
    assertThat(page.hasMore()).isTrue();
  }
}
