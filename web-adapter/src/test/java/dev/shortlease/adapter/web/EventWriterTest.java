package dev.shortlease.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.application.port.in.ChatEvent;
import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.domain.AgentThoughtId;
import dev.shortlease.domain.AnnotationId;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.FileKind;
import dev.shortlease.domain.FileTransfer;
import dev.shortlease.domain.MessageFile;
import dev.shortlease.domain.MessageStatus;
import dev.shortlease.domain.TokenUsage;
import dev.shortlease.domain.ToolInput;
import dev.shortlease.domain.UploadFileId;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The streaming writer's frames are, byte for byte, {@link ChatWire}'s maps as the mapper writes.
 */
class EventWriterTest {
  /** Quotes, a backslash, control characters, a line separator, non-ASCII and an emoji. */
  private static final String NASTY =
      "say \"hi\" \\ back\n\ttab\r\u0000\u0001\u001f\u007f\u2028 héllo 日本 😀 </script>";

  @ParameterizedTest
  @EnumSource(AppMode.class)
  void everyEventKind_inEveryMode_isTheMapPathsBytes(AppMode mode) {
    StubRun run = new StubRun(mode);
    run.files = files();
    EventWriter writer = new EventWriter(run);

    for (ChatEvent event : events()) {
      assertSameBytes(joined(writer.frames(event)), joined(mapPath(run, event)), event, mode);
    }
    ApiError deadline = new ApiError(504, "gateway_timeout", NASTY);
    assertSameBytes(writer.error(deadline), frame(ChatWire.error(run, deadline)), deadline, mode);
  }

  @ParameterizedTest
  @EnumSource(AppMode.class)
  void aMessageEndWithoutFiles_writesNullFiles_asTheMapPath(AppMode mode) {
    StubRun run = new StubRun(mode);
    ChatEvent end = new ChatEvent.MessageEnd(TokenUsage.NONE, Duration.ZERO, MessageStatus.NORMAL);

    byte[] frames = joined(new EventWriter(run).frames(end));

    assertThat(new String(frames, StandardCharsets.UTF_8)).contains("\"files\":null}");
    assertSameBytes(frames, joined(mapPath(run, end)), end, mode);
  }

  private static List<ChatEvent> events() {
    List<ChatEvent> events = new ArrayList<>();
    for (String text : new String[] {NASTY, "", "plain", null}) {
      events.add(new ChatEvent.TextChunk(text));
    }
    events.add(
        new ChatEvent.AgentThoughtEvent(
            AgentThoughtId.random(),
            1,
            NASTY,
            "search",
            new ToolInput(Map.of("search", Map.of("q", NASTY))),
            Map.of("search", NASTY)));
    events.add(new ChatEvent.AnnotationReply(AnnotationId.random(), "a😀é\""));
    for (Duration latency :
        List.of(Duration.ZERO, Duration.ofNanos(1_234_567_891), Duration.ofMillis(100))) {
      events.add(new ChatEvent.MessageEnd(new TokenUsage(12, 345), latency, MessageStatus.NORMAL));
    }
    events.add(
        new ChatEvent.MessageEnd(
            new TokenUsage(1, 2),
            Duration.ofSeconds(3),
            MessageStatus.NORMAL,
            AnnotationId.random()));
    for (ModelErrorKind kind : ModelErrorKind.values()) {
      events.add(ChatEvent.Failed.model(kind, "detail"));
    }
    events.add(ChatEvent.Failed.internal(NASTY));
    events.add(ChatEvent.Failed.unexpected("detail"));
    events.add(ChatEvent.Failed.invalidInput(NASTY, "detail"));
    return events;
  }

  private static List<MessageFile> files() {
    return List.of(
        new MessageFile(
            FileKind.IMAGE,
            FileTransfer.LOCAL_FILE,
            UploadFileId.random(),
            "",
            "cat \"é\".png",
            "png",
            "image/png",
            1234),
        new MessageFile(
            FileKind.IMAGE,
            FileTransfer.REMOTE_URL,
            null,
            "https://example.com/a b.png",
            "",
            "",
            "",
            -1));
  }

  /** Compared as text first for a readable failure, then as bytes, which is what is sent. */
  private static void assertSameBytes(byte[] actual, byte[] expected, Object what, AppMode mode) {
    assertThat(new String(actual, StandardCharsets.UTF_8))
        .as("%s in %s", what, mode)
        .isEqualTo(new String(expected, StandardCharsets.UTF_8));
    assertThat(actual).as("%s in %s", what, mode).isEqualTo(expected);
  }

  private static List<byte[]> mapPath(StubRun run, ChatEvent event) {
    return ChatWire.events(run, event).stream().map(EventWriterTest::frame).toList();
  }

  /** The map path's frame as {@code EventStream} assembled it before the streaming writer. */
  private static byte[] frame(Object payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("data: ".getBytes(StandardCharsets.UTF_8));
    out.writeBytes(Json.write(payload));
    out.writeBytes("\n\n".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static byte[] joined(List<byte[]> frames) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    frames.forEach(out::writeBytes);
    return out.toByteArray();
  }
}
