package dev.shortlease.application.files;

import static dev.shortlease.application.testing.ScriptedChatModel.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.application.ReliabilitySettings;
import dev.shortlease.application.audio.TranscribeAudioService;
import dev.shortlease.application.port.in.ChatRun;
import dev.shortlease.application.port.in.FileRequest;
import dev.shortlease.application.port.in.MediaRejectedException;
import dev.shortlease.application.port.in.MediaRejectedException.Reason;
import dev.shortlease.application.port.in.ResponseMode;
import dev.shortlease.application.port.in.SendMessageCommand;
import dev.shortlease.application.port.in.UploadFileUseCase.FileLimits;
import dev.shortlease.application.port.out.AudioClip;
import dev.shortlease.application.port.out.ModelMessage;
import dev.shortlease.application.port.out.SpeechPort;
import dev.shortlease.application.testing.ChatTestKit;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMedia;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.FileKind;
import dev.shortlease.domain.FileTransfer;
import dev.shortlease.domain.MessageStatus;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.StartedTurn;
import dev.shortlease.domain.UploadFileId;
import dev.shortlease.domain.UploadedFile;
import dev.shortlease.domain.port.StartTurnPort;
import dev.shortlease.domain.port.UploadsPort;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MediaUseCasesTest {
  private static final FileLimits LIMITS =
      new FileLimits(15 << 20, 10, 50 << 20, 100 << 20, Set.of());
  private final ChatTestKit kit = new ChatTestKit();

  @Test
  @DisplayName(
      "an upload the cleanup deletes between the chat's check and its attach is refused as"
          + " 'Invalid upload file'; the saved message ends error, the model is never called")
  void uploadDeletedWhileTheChatStarts() throws Exception {
    App app = kit.app(AppMode.CHAT);
    kit.model.then(reply("hello"));
    ChatTestKit.drain(kit.chat(app, "alice", "Hi", null)); // alice is known, as her upload is
    kit.files.saveMedia(
        app.id(),
        new AppMedia(
            true, Set.of(FileKind.IMAGE), 3, Set.of(FileTransfer.values()), false, false, "", ""));
    UploadedFile upload =
        kit.files.recordUpload(app.id(), "alice", UploadFileId.random(), "a.png", "png", "", 3);
    kit.files.backdateUpload(upload.id(), Duration.ofHours(2));
    AtomicReference<StartedTurn> started = new AtomicReference<>();
    // The cleanup runs after the chat checked its uploads, while T2 saves the message.
    StartTurnPort cleanupDuringT2 =
        turn -> {
          assertThat(kit.files.deleteUnreferencedUploads(Duration.ofHours(1), 10))
              .containsExactly(upload.id());
          started.set(kit.store.startTurn(turn));
          return started.get();
        };
    var sender = kit.senderWith(cleanupDuringT2, ReliabilitySettings.forPool(10));

    assertReason(
        () ->
            sender.send(
                new SendMessageCommand(
                    app.id(),
                    "alice",
                    "Look",
                    Map.of(),
                    null,
                    ResponseMode.STREAMING,
                    false,
                    false),
                List.of(new FileRequest(FileKind.IMAGE, FileTransfer.LOCAL_FILE, upload.id(), ""))),
        Reason.INVALID_UPLOAD);
    assertThat(kit.store.findMessage(started.get().owner(), started.get().messageId()))
        .hasValueSatisfying(m -> assertThat(m.status()).isEqualTo(MessageStatus.ERROR));
    assertThat(kit.model.requests()).hasSize(1);
  }

  @Test
  @DisplayName("a model without vision gets the text alone; the files are still recorded")
  void noVisionNoImages() throws Exception {
    App app = kit.app(AppMode.CHAT);
    kit.files.saveMedia(
        app.id(),
        new AppMedia(
            true, Set.of(FileKind.IMAGE), 3, Set.of(FileTransfer.values()), false, false, "", ""));
    kit.model.then(reply("ok"));

    ChatRun run =
        kit.sender.send(
            new SendMessageCommand(
                app.id(), "alice", "Look", Map.of(), null, ResponseMode.STREAMING, false, false),
            List.of(
                new FileRequest(
                    FileKind.IMAGE, FileTransfer.REMOTE_URL, null, "https://x.test/a.png")));
    assertThat(kit.model.awaitCalls(1, Duration.ofSeconds(5))).isTrue();

    ModelMessage.User user =
        (ModelMessage.User) kit.model.requests().getLast().messages().getLast();
    assertThat(user.images()).isEmpty();
    assertThat(run.files()).hasSize(1);
    assertThat(kit.files.filesOf(null, List.of(run.messageId())).get(run.messageId()))
        .containsExactlyElementsOf(run.files());
  }

  @Test
  @DisplayName(
      "an upload whose record fails leaves no bytes behind; one over its kind's limit none")
  void uploadChangesNothingOnFailure() {
    AtomicReference<UploadFileId> written = new AtomicReference<>();
    UploadsPort failing =
        new UploadsPort() {
          @Override
          public UploadedFile recordUpload(
              AppId appId,
              String user,
              UploadFileId id,
              String name,
              String ext,
              String mime,
              long size) {
            written.set(id);
            throw new IllegalStateException("database down");
          }

          @Override
          public Optional<UploadedFile> findUpload(Owner owner, UploadFileId id) {
            return Optional.empty();
          }

          @Override
          public List<UploadedFile> findUploads(Owner owner, List<UploadFileId> ids) {
            return List.of();
          }

          @Override
          public List<UploadFileId> deleteUnreferencedUploads(Duration olderThan, int limit) {
            return List.of();
          }

          @Override
          public Set<UploadFileId> recordedAmong(List<UploadFileId> ids) {
            return Set.of();
          }
        };
    UploadFileService service = new UploadFileService(failing, kit.files, LIMITS);

    assertThatThrownBy(
            () -> service.upload(AppId.random(), "alice", "a.txt", "text/plain", new byte[] {1}))
        .hasMessage("database down");
    assertThatThrownBy(() -> kit.files.read(written.get())).isInstanceOf(NotFoundException.class);

    assertThatThrownBy(
            () ->
                new UploadFileService(kit.files, kit.files, LIMITS)
                    .upload(AppId.random(), "alice", "a.png", "image/png", new byte[11]))
        .isInstanceOfSatisfying(
            MediaRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.FILE_TOO_LARGE));
  }

  @Test
  @DisplayName("speech to text checks, in Dify's order: switch, type, size, provider")
  void transcriptionChecks() {
    AppId app = kit.app(AppMode.CHAT).id();
    StubSpeech speech = new StubSpeech();
    TranscribeAudioService service = new TranscribeAudioService(kit.files, speech);
    AudioClip ok = new AudioClip(new byte[] {1}, "audio/mp3", "a.mp3");

    assertReason(() -> service.transcribe(app, "alice", ok), Reason.SPEECH_TO_TEXT_DISABLED);
    kit.files.saveMedia(
        app,
        new AppMedia(
            false, Set.of(FileKind.IMAGE), 1, Set.of(FileTransfer.values()), true, false, "", ""));
    assertReason(
        () -> service.transcribe(app, "alice", new AudioClip(new byte[] {1}, "audio/mpeg", "a")),
        Reason.UNSUPPORTED_AUDIO_TYPE);
    assertReason(
        () ->
            service.transcribe(
                app,
                "alice",
                new AudioClip(
                    new byte[TranscribeAudioService.MAX_AUDIO_BYTES + 1], "audio/wav", "a")),
        Reason.AUDIO_TOO_LARGE);
    assertReason(() -> service.transcribe(app, "alice", ok), Reason.PROVIDER_HAS_NO_SPEECH_TO_TEXT);
    speech.available = true;
    assertThat(service.transcribe(app, "alice", ok)).isEqualTo("heard 1 bytes");
  }

  private static void assertReason(Runnable call, Reason reason) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            MediaRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private static final class StubSpeech implements SpeechPort {
    boolean available;

    @Override
    public boolean canTranscribe() {
      return available;
    }

    @Override
    public boolean canSpeak() {
      return available;
    }

    @Override
    public String transcribe(AudioClip audio) {
      return "heard " + audio.data().length + " bytes";
    }

    @Override
    public AudioClip speak(String text, String voice) {
      return new AudioClip(text.getBytes(), "audio/wav", "s");
    }
  }
}
