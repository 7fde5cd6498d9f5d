package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMedia;
import dev.shortlease.domain.AppMediaPatch;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.AppPatch;
import dev.shortlease.domain.AppWithMedia;
import dev.shortlease.domain.EndUserId;
import dev.shortlease.domain.FileKind;
import dev.shortlease.domain.FileTransfer;
import dev.shortlease.domain.MessageFile;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.NewApp;
import dev.shortlease.domain.NewTurn;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.StartedTurn;
import dev.shortlease.domain.UploadFileId;
import dev.shortlease.domain.UploadedFile;
import dev.shortlease.domain.port.MessageFilesPort;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The files adapter on a real database: uploads, message files and media switches, owner-scoped.
 */
abstract class FilesAdapterContract {

  abstract PersistenceContext context();

  /** The switches as the service sets them: a patch of every switch. */
  private void saveMedia(AppId app, AppMedia media) {
    context().appSetup().updateApp(app, AppPatch.media(AppMediaPatch.replacing(media)));
  }

  private FilesAdapter files() {
    return new FilesAdapter(context().sessionScope());
  }

  private AppId newApp() {
    return context()
        .apps()
        .createApp(
            new NewApp("files " + UUID.randomUUID(), null, AppMode.CHAT, null, null, null, null));
  }

  @Test
  @DisplayName("an upload is recorded for a new end user and found only by its own app and user")
  void uploadsAreOwnerScoped() {
    AppId app = newApp();
    AppId otherApp = newApp();
    UploadFileId id = UploadFileId.random();

    UploadedFile saved = files().recordUpload(app, "alice", id, "cat.png", "png", "image/png", 42);

    assertThat(saved.id()).isEqualTo(id);
    assertThat(saved.createdAt()).isNotNull();
    assertThat(saved.kind()).isEqualTo(FileKind.IMAGE);
    EndUserId alice = context().endUsers().findEndUser(app, "alice").orElseThrow();
    assertThat(saved.owner()).isEqualTo(new Owner(app, alice));
    assertThat(files().findUpload(new Owner(app, alice), id)).contains(saved);
    assertThat(files().findUpload(new Owner(otherApp, alice), id)).isEmpty();
    UploadedFile bobs =
        files().recordUpload(app, "bob", UploadFileId.random(), "b.txt", "txt", "text/plain", 1);
    assertThat(files().findUpload(new Owner(app, alice), bobs.id())).isEmpty();
    assertThat(files().findUploads(new Owner(app, alice), List.of(id, bobs.id())))
        .containsExactly(saved);
  }

  @Test
  @DisplayName("a message's files come back in their order, and only to the message's owner")
  void messageFilesRoundTrip() {
    AppId app = newApp();
    StartedTurn turn =
        context().startTurn().startTurn(new NewTurn(app, "carol", null, "look", Map.of()));
    UploadedFile upload =
        files().recordUpload(app, "carol", UploadFileId.random(), "a.jpg", "jpg", "image/jpeg", 7);
    List<MessageFile> attached =
        List.of(
            MessageFile.uploaded(FileKind.IMAGE, upload),
            MessageFile.remote(FileKind.IMAGE, "https://example.com/x/dog.png?size=2"));

    files().attachFiles(turn.owner(), turn.messageId(), attached);

    MessageId other = MessageId.random();
    assertThat(files().filesOf(turn.owner(), List.of(turn.messageId(), other)))
        .containsExactly(Map.entry(turn.messageId(), attached));
    Owner stranger = new Owner(app, new EndUserId(UUID.randomUUID()));
    assertThat(files().filesOf(stranger, List.of(turn.messageId()))).isEmpty();
    assertThat(attached.get(1).name()).isEqualTo("dog.png");
    assertThat(attached.get(1).transfer()).isEqualTo(FileTransfer.REMOTE_URL);
  }

  @Test
  @DisplayName(
      "attaching an upload the cleanup deleted after the chat checked it is 'upload file' not"
          + " found, and records none of the message's files")
  void attachOfADeletedUploadIsNotFound() {
    AppId app = newApp();
    StartedTurn turn =
        context().startTurn().startTurn(new NewTurn(app, "dora", null, "look", Map.of()));
    UploadedFile kept =
        files().recordUpload(app, "dora", UploadFileId.random(), "k.png", "png", "image/png", 1);
    UploadedFile gone =
        files().recordUpload(app, "dora", UploadFileId.random(), "g.png", "png", "image/png", 1);
    context()
        .sessionScope()
        .run(
            em ->
                em.createNativeQuery("delete from {h-schema}upload_file where id = :id")
                    .setParameter("id", gone.id().value())
                    .executeUpdate());

    assertThatThrownBy(
            () ->
                files()
                    .attachFiles(
                        turn.owner(),
                        turn.messageId(),
                        List.of(
                            MessageFile.uploaded(FileKind.IMAGE, kept),
                            MessageFile.uploaded(FileKind.IMAGE, gone))))
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.what()).isEqualTo(MessageFilesPort.UPLOAD));
    assertThat(files().filesOf(turn.owner(), List.of(turn.messageId()))).isEmpty();
  }

  @Test
  @DisplayName("media switches are off until set, then read back as set, and set again")
  void mediaSwitches() {
    AppId app = newApp();
    assertThat(files().mediaOf(app)).isEqualTo(AppMedia.OFF);

    AppMedia on =
        new AppMedia(
            true,
            Set.of(FileKind.IMAGE, FileKind.DOCUMENT),
            5,
            Set.of(FileTransfer.LOCAL_FILE),
            true,
            true,
            "alloy",
            "en-US");
    saveMedia(app, on);
    assertThat(files().mediaOf(app)).isEqualTo(on);

    saveMedia(app, AppMedia.OFF);
    assertThat(files().mediaOf(app)).isEqualTo(AppMedia.OFF);
  }

  @Test
  @DisplayName("every app is listed with its switches, off where never saved, oldest first")
  void appsWithMedia() {
    AppId plain = newApp();
    AppId speaking = newApp();
    AppMedia speech =
        new AppMedia(
            false, Set.of(FileKind.IMAGE), 3, Set.of(FileTransfer.REMOTE_URL), true, true, "", "");
    saveMedia(speaking, speech);

    List<AppWithMedia> listed = files().listAppsWithMedia();

    Map<AppId, AppWithMedia> byId =
        listed.stream().collect(Collectors.toMap(a -> a.app().id(), a -> a));
    assertThat(byId.get(plain).media()).isEqualTo(AppMedia.OFF);
    assertThat(byId.get(speaking).media()).isEqualTo(speech);
    assertThat(byId.get(speaking).app())
        .isEqualTo(context().apps().findApp(speaking).orElseThrow());
    List<AppId> order = listed.stream().map(a -> a.app().id()).toList();
    assertThat(order.indexOf(plain)).isLessThan(order.indexOf(speaking));
  }

  private UploadedFile uploadAged(AppId app, Duration age) {
    UploadedFile file =
        files().recordUpload(app, "dave", UploadFileId.random(), "o.txt", "txt", "text/plain", 3);
    DatabaseTime.setAgo(context(), "upload_file", "created_at", file.id().value(), age);
    return file;
  }

  /** Deletes every old-enough orphan the database holds already, so a test counts only its own. */
  private void deleteEarlierOrphans(Duration olderThan) {
    while (files().deleteUnreferencedUploads(olderThan, 1000).size() == 1000) {
      // another batch
    }
  }

  @Test
  @DisplayName(
      "the cleanup deletes an old unreferenced upload and names it; a referenced one and a young"
          + " one are kept")
  void deletesOldUnreferencedUploads() {
    Duration age = Duration.ofHours(2);
    deleteEarlierOrphans(age);
    AppId app = newApp();
    UploadedFile orphan = uploadAged(app, Duration.ofHours(3));
    UploadedFile young = uploadAged(app, Duration.ofMinutes(90));
    UploadedFile attached = uploadAged(app, Duration.ofHours(3));
    StartedTurn turn =
        context().startTurn().startTurn(new NewTurn(app, "dave", null, "read", Map.of()));
    files()
        .attachFiles(
            turn.owner(),
            turn.messageId(),
            List.of(MessageFile.uploaded(FileKind.DOCUMENT, attached)));

    assertThat(files().deleteUnreferencedUploads(age, 100)).containsExactly(orphan.id());

    Owner dave = orphan.owner();
    assertThat(files().findUpload(dave, orphan.id())).isEmpty();
    assertThat(files().findUpload(dave, young.id())).isPresent();
    assertThat(files().findUpload(dave, attached.id())).isPresent();
    assertThat(files().deleteUnreferencedUploads(age, 100)).isEmpty();
  }

  @Test
  @DisplayName("the cleanup deletes at most its limit per call, and the next call the rest")
  void deletesInBatches() {
    Duration age = Duration.ofHours(2);
    deleteEarlierOrphans(age);
    AppId app = newApp();
    List<UploadFileId> orphans =
        IntStream.range(0, 5).mapToObj(i -> uploadAged(app, Duration.ofHours(3)).id()).toList();

    List<UploadFileId> first = files().deleteUnreferencedUploads(age, 3);
    List<UploadFileId> rest = files().deleteUnreferencedUploads(age, 3);

    assertThat(first).hasSize(3);
    assertThat(rest).hasSize(2);
    assertThat(first).doesNotContainAnyElementsOf(rest);
    assertThat(Stream.concat(first.stream(), rest.stream()))
        .containsExactlyInAnyOrderElementsOf(orphans);
  }

  @Test
  @DisplayName(
      "asked which IDs have an upload record, it names those, whoever owns them, and no other")
  void findsRecordedAmong() {
    UploadedFile alices =
        files().recordUpload(newApp(), "alice", UploadFileId.random(), "a.txt", "txt", "t/p", 1);
    UploadedFile bobs =
        files().recordUpload(newApp(), "bob", UploadFileId.random(), "b.txt", "txt", "t/p", 1);
    UploadFileId neverRecorded = UploadFileId.random();

    assertThat(files().recordedAmong(List.of(alices.id(), neverRecorded, bobs.id())))
        .containsExactlyInAnyOrder(alices.id(), bobs.id());
    assertThat(files().recordedAmong(List.of(neverRecorded))).isEmpty();
    assertThat(files().recordedAmong(List.of())).isEmpty();
  }
}
