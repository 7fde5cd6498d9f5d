package dev.shortlease.application.chat;

import static dev.shortlease.application.testing.ScriptedChatModel.reply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.application.port.in.ChatEvent;
import dev.shortlease.application.port.in.ChatRun;
import dev.shortlease.application.port.in.FileRequest;
import dev.shortlease.application.port.in.ResponseMode;
import dev.shortlease.application.port.in.SendMessageCommand;
import dev.shortlease.application.port.out.ModelImage;
import dev.shortlease.application.port.out.ModelMessage;
import dev.shortlease.application.testing.ChatTestKit;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppMedia;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.FileKind;
import dev.shortlease.domain.FileTransfer;
import dev.shortlease.domain.Message;
import dev.shortlease.domain.MessageStatus;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An image a client names by URL reaches a vision model: as the URL when the model's provider
 * downloads it (OpenAI), as bytes this service downloaded when it takes only inline images
 * (Ollama); a download that fails ends the run with the client told why, nothing left running.
 */
@DisplayName("Remote images: by URL, or fetched for a model that takes only inline images")
class RemoteImagesTest {
  private static final String URL = "https://images.test/cat.png";
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
  private final ChatTestKit kit = new ChatTestKit();

  @Test
  @DisplayName("a model that takes image links gets the URL; nothing is downloaded")
  void linksPassThrough() throws Exception {
    kit.model.seeingImages(true).then(reply("a cat"));
    List<ChatEvent> events = ChatTestKit.drain(send(kit.app(AppMode.CHAT)));

    assertThat(events.getLast()).isInstanceOf(ChatEvent.MessageEnd.class);
    assertThat(userMessage().images()).containsExactly(new ModelImage.Link(URI.create(URL)));
    assertThat(kit.remoteImages.fetched()).isEmpty();
  }

  @Test
  @DisplayName("a model that takes only inline images gets the downloaded bytes")
  void fetchedForInlineOnlyModels() throws Exception {
    kit.model.seeingImages(false).then(reply("a cat"));
    kit.remoteImages.serve(URL, "image/png", PNG);
    List<ChatEvent> events = ChatTestKit.drain(send(kit.app(AppMode.AGENT_CHAT)));

    assertThat(events.getLast()).isInstanceOf(ChatEvent.MessageEnd.class);
    List<ModelImage> images = userMessage().images();
    assertThat(images).hasSize(1);
    ModelImage.Inline inline = (ModelImage.Inline) images.getFirst();
    assertThat(inline.mimeType()).isEqualTo("image/png");
    assertThat(inline.data()).isEqualTo(PNG);
    assertThat(kit.remoteImages.fetched()).containsExactly(URI.create(URL));
  }

  @Test
  @DisplayName(
      "a refused download fails the run as invalid_param with its reason, saved as error before"
          + " the model is called")
  void refusedDownloadFailsTheRun() throws Exception {
    kit.model.seeingImages(false).then(reply("never"));
    App app = kit.app(AppMode.CHAT);
    ChatRun run = send(app);
    List<ChatEvent> events = ChatTestKit.drain(run);

    ChatEvent.Failed failed = (ChatEvent.Failed) events.getLast();
    assertThat(failed.invalidInput()).isTrue();
    assertThat(failed.message()).contains("could not be fetched");
    assertThat(ChatTestKit.text(events)).isEmpty();
    assertThat(kit.model.requests()).isEmpty();
    kit.awaitIdle();
    Message saved = kit.message(app.id(), "alice", run.messageId());
    assertThat(saved.status()).isEqualTo(MessageStatus.ERROR);
    assertThat(saved.error()).startsWith("invalid_param: ").contains("could not be fetched");
  }

  @Test
  @DisplayName(
      "a stop during a download ends it and the run, as a stopped run: saved stopped, nothing left"
          + " running, the model never called")
  void stopEndsADownload() throws Exception {
    kit.model.seeingImages(false).then(reply("never"));
    kit.remoteImages.hangs(URL);
    App app = kit.app(AppMode.CHAT);
    ChatRun run = send(app);
    assertThat(kit.remoteImages.awaitFetches(1, ChatTestKit.WAIT)).isTrue();

    kit.stopper.stop(app.id(), "alice", run.taskId());
    List<ChatEvent> events = ChatTestKit.drain(run);

    assertThat(events.getLast())
        .isInstanceOfSatisfying(
            ChatEvent.MessageEnd.class,
            end -> assertThat(end.status()).isEqualTo(MessageStatus.STOPPED));
    assertThat(kit.model.requests()).isEmpty();
    kit.awaitIdle();
    Message saved = kit.message(app.id(), "alice", run.messageId());
    assertThat(saved.status()).isEqualTo(MessageStatus.STOPPED);
    assertThat(saved.error()).isNull();
  }

  @Test
  @DisplayName(
      "several images are fetched side by side: a refusal fails the run while another download is"
          + " still going, which is stopped; the images reach the model in the message's order")
  void imagesFetchedSideBySide() throws Exception {
    String slow = "https://images.test/slow.png";
    String bad = "https://images.test/refused.png";
    kit.model.seeingImages(false).then(reply("never"));
    kit.remoteImages.hangs(slow);
    App app = kit.app(AppMode.CHAT);
    ChatRun run = send(app, slow, bad);
    List<ChatEvent> events = ChatTestKit.drain(run);

    ChatEvent.Failed failed = (ChatEvent.Failed) events.getLast();
    assertThat(failed.invalidInput()).isTrue();
    assertThat(failed.message()).contains("refused.png", "could not be fetched");
    assertThat(kit.model.requests()).isEmpty();
    kit.awaitIdle();

    String other = "https://images.test/dog.png";
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 9};
    kit.remoteImages.serve(other, "image/jpeg", jpeg);
    kit.remoteImages.serve(URL, "image/png", PNG);
    kit.model.then(reply("two"));
    ChatTestKit.drain(send(app, other, URL));
    assertThat(userMessage().images())
        .extracting(image -> ((ModelImage.Inline) image).mimeType())
        .containsExactly("image/jpeg", "image/png");
  }

  private ChatRun send(App app) {
    return send(app, URL);
  }

  private ChatRun send(App app, String... urls) {
    kit.files.saveMedia(
        app.id(),
        new AppMedia(
            true, Set.of(FileKind.IMAGE), 3, Set.of(FileTransfer.values()), false, false, "", ""));
    return kit.sender.send(
        new SendMessageCommand(
            app.id(),
            "alice",
            "What is this?",
            Map.of(),
            null,
            ResponseMode.STREAMING,
            false,
            false),
        Arrays.stream(urls)
            .map(url -> new FileRequest(FileKind.IMAGE, FileTransfer.REMOTE_URL, null, url))
            .toList());
  }

  private ModelMessage.User userMessage() {
    return (ModelMessage.User) kit.model.requests().getFirst().messages().getLast();
  }
}
