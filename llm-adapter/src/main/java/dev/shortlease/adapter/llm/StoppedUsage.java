package dev.shortlease.adapter.llm;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.shortlease.domain.TokenUsage;
import java.util.StringJoiner;

/**
 * LLM adapter internals: the usage of a stream stopped before the provider reported it (providers
 * send usage with their last chunk only), estimated as Dify estimates a stopped answer's: the
 * prompt's tokens and the text so far, counted with a tokenizer, since the provider was paid for
 * both. Counted with OpenAI's {@code cl100k_base} for every provider, text only (ADR 0085).
 */
final class StoppedUsage {
  /** OpenAI's chat format: each message is wrapped in three tokens, the reply primed with three. */
  private static final int PER_MESSAGE = 3;

  private static final int REPLY_PRIMING = 3;

  private StoppedUsage() {}

  static TokenUsage estimate(ChatRequest request, String text) {
    int prompt = 0;
    if (request != null && !request.messages().isEmpty()) {
      prompt = REPLY_PRIMING;
      for (ChatMessage message : request.messages()) {
        prompt += PER_MESSAGE + count(textOf(message));
      }
    }
    return new TokenUsage(prompt, count(text));
  }

  private static String textOf(ChatMessage message) {
    return switch (message) {
      case SystemMessage system -> system.text();
      case UserMessage user -> texts(user);
      case AiMessage ai -> aiText(ai);
      case ToolExecutionResultMessage result -> result.text();
      default -> "";
    };
  }

  private static String texts(UserMessage user) {
    StringJoiner all = new StringJoiner("\n");
    for (Content content : user.contents()) {
      if (content instanceof TextContent text) {
        all.add(text.text());
      }
    }
    return all.toString();
  }

  private static String aiText(AiMessage ai) {
    StringJoiner all = new StringJoiner("\n");
    if (ai.text() != null && !ai.text().isEmpty()) {
      all.add(ai.text());
    }
    if (ai.hasToolExecutionRequests()) {
      for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
        all.add(call.name() + " " + call.arguments());
      }
    }
    return all.toString();
  }

  private static int count(String text) {
    // "Ordinary": a prompt may contain "<|endoftext|>" as plain text, which encode() refuses.
    return text == null || text.isEmpty() ? 0 : Encoder.CL100K.countTokensOrdinary(text);
  }

  /** Read on the first stop only: the encoding takes about 15 MiB of heap and a second to load. */
  private static final class Encoder {
    static final Encoding CL100K =
        Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
  }
}
