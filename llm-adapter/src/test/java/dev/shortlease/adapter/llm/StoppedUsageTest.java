package dev.shortlease.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.shortlease.domain.TokenUsage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A stopped stream's usage: every message's text and the answer so far, in cl100k tokens. */
class StoppedUsageTest {

  @Test
  @DisplayName("counts each kind of message's text, three tokens around each, three for the reply")
  void countsEveryMessage() {
    ChatRequest request =
        ChatRequest.builder()
            .messages(
                SystemMessage.from("Be brief."), // 3
                UserMessage.from(
                    TextContent.from("Hello world"), // 2; the image is not counted
                    ImageContent.from("https://example.com/a.png")),
                AiMessage.from(
                    ToolExecutionRequest.builder()
                        .id("call_0")
                        .name("get_weather")
                        .arguments("{\"city\":\"Paris\"}")
                        .build()), // "get_weather {"city":"Paris"}": 7
                ToolExecutionResultMessage.from("call_0", "get_weather", "sunny")) // 2
            .build();

    TokenUsage usage = StoppedUsage.estimate(request, "Hello world");

    assertThat(usage).isEqualTo(new TokenUsage(3 + (3 + 3) + (3 + 2) + (3 + 7) + (3 + 2), 2));
  }

  @Test
  @DisplayName("a special token in the text is counted as plain text, not refused")
  void specialTokensArePlainText() {
    TokenUsage usage = StoppedUsage.estimate(null, "<|endoftext|>");

    assertThat(usage).isEqualTo(new TokenUsage(0, 7));
  }

  @Test
  @DisplayName("nothing sent and nothing received counts nothing")
  void nothingCountsNothing() {
    assertThat(StoppedUsage.estimate(null, "")).isEqualTo(TokenUsage.NONE);
  }
}
