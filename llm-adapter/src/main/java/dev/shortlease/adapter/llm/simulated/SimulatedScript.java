package dev.shortlease.adapter.llm.simulated;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.output.FinishReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Simulated provider: decides, from the request alone, what the simulated model answers. A turn
 * that offers tools and has no tool result yet calls the tool {@link ToolPolicy} picks; a turn with
 * tool results answers from the last observation; otherwise it writes {@code answerTokens} words
 * chosen by a random generator seeded with the conversation, so equal input gives equal output. A
 * system message that asks it to suggest N questions gets N short questions, one per line.
 */
final class SimulatedScript {
  private static final String[] WORDS = {
    "the",
    "service",
    "keeps",
    "every",
    "database",
    "session",
    "short",
    "while",
    "tokens",
    "stream",
    "to",
    "the",
    "client",
    "and",
    "no",
    "connection",
    "waits",
    "for",
    "a",
    "model",
    "so",
    "thousands",
    "of",
    "chats",
    "share",
    "a",
    "small",
    "pool",
    "with",
    "ease",
    "answer",
    "simulated"
  };
  private static final int MAX_OBSERVATION_CHARS = 400;

  /** Follow-up questions, for a request that asks for some (as suggested questions do). */
  private static final String[] QUESTIONS = {
    "How does the pool stay small?",
    "What happens when the model is slow?",
    "Can I stop an answer midway?",
    "Why keep database sessions short?",
    "How many chats share one connection?",
    "What does the simulated model do?",
    "How do I use a real model?",
    "Where are conversations stored?"
  };

  /** "Suggest exactly 3 short questions ...": an instruction the simulated model follows. */
  private static final Pattern ASKS_FOR_QUESTIONS =
      Pattern.compile("(?i)\\bsuggest\\b\\D*?(\\d+)?\\s*(?:short\\s+)?questions");

  private SimulatedScript() {}

  static SimulatedReply replyTo(ChatRequest request, int answerTokens) {
    List<ChatMessage> messages = request.messages();
    int lastUser = lastUserIndex(messages);
    String userText = lastUser < 0 ? "" : textOf(messages.get(lastUser));
    List<ToolExecutionResultMessage> results = toolResultsAfter(messages, lastUser);
    int inputTokens = messages.stream().mapToInt(m -> wordCount(textOf(m))).sum();
    String model = request.modelName() == null ? "simulated" : request.modelName();

    List<ToolSpecification> tools =
        request.toolSpecifications() == null ? List.of() : request.toolSpecifications();
    if (!tools.isEmpty() && results.isEmpty()) {
      Optional<ToolSpecification> tool = ToolPolicy.choose(tools, userText);
      if (tool.isPresent()) {
        ToolExecutionRequest call = ToolPolicy.callFor(tool.get(), userText, lastUser);
        return new SimulatedReply(
            words("I will use " + call.name() + "."),
            List.of(call),
            inputTokens,
            FinishReason.TOOL_EXECUTION,
            model);
      }
    }
    if (!results.isEmpty()) {
      ToolExecutionResultMessage last = results.get(results.size() - 1);
      String observation = abbreviate(last.text() == null ? "" : last.text().strip());
      return new SimulatedReply(
          words("Based on " + last.toolName() + ": " + observation),
          List.of(),
          inputTokens,
          FinishReason.STOP,
          model);
    }
    Optional<Integer> questions = questionsAskedFor(messages);
    if (questions.isPresent()) {
      return new SimulatedReply(
          questionTokens(seedOf(messages), questions.get()),
          List.of(),
          inputTokens,
          FinishReason.STOP,
          model);
    }
    Integer limit = request.maxOutputTokens();
    int length = limit == null ? answerTokens : Math.min(answerTokens, limit);
    return new SimulatedReply(
        loremTokens(seedOf(messages), length),
        List.of(),
        inputTokens,
        length < answerTokens ? FinishReason.LENGTH : FinishReason.STOP,
        model);
  }

  /** How many questions a system message asks for (3 when it names no number), if it does. */
  static Optional<Integer> questionsAskedFor(List<ChatMessage> messages) {
    for (ChatMessage message : messages) {
      if (message instanceof SystemMessage system) {
        Matcher matcher = ASKS_FOR_QUESTIONS.matcher(system.text());
        if (matcher.find()) {
          int asked = matcher.group(1) == null ? 3 : Integer.parseInt(matcher.group(1));
          return Optional.of(Math.clamp(asked, 1, QUESTIONS.length));
        }
      }
    }
    return Optional.empty();
  }

  /** {@code count} different short questions, one per line, chosen by the conversation. */
  private static List<String> questionTokens(long seed, int count) {
    List<String> pool = new ArrayList<>(List.of(QUESTIONS));
    SplittableRandom random = new SplittableRandom(seed);
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<String> words = words(pool.remove(random.nextInt(pool.size())));
      tokens.add(i == 0 ? words.get(0) : "\n" + words.get(0));
      tokens.addAll(words.subList(1, words.size()));
    }
    return tokens;
  }

  /** Splits text into word tokens, each but the first carrying its leading space. */
  static List<String> words(String text) {
    List<String> tokens = new ArrayList<>();
    for (String word : text.strip().split("\\s+")) {
      if (!word.isEmpty()) {
        tokens.add(tokens.isEmpty() ? word : " " + word);
      }
    }
    return tokens;
  }

  private static List<String> loremTokens(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> tokens = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String word = WORDS[random.nextInt(WORDS.length)];
      if (i == 0) {
        word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
      }
      tokens.add(i == 0 ? word : " " + word);
    }
    if (count > 0) {
      tokens.set(count - 1, tokens.get(count - 1) + ".");
    }
    return tokens;
  }

  private static long seedOf(List<ChatMessage> messages) {
    long seed = 1125899906842597L;
    for (ChatMessage message : messages) {
      seed = 31 * seed + message.type().ordinal();
      seed = 31 * seed + textOf(message).hashCode();
    }
    return seed;
  }

  private static int lastUserIndex(List<ChatMessage> messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i) instanceof UserMessage) {
        return i;
      }
    }
    return -1;
  }

  private static List<ToolExecutionResultMessage> toolResultsAfter(
      List<ChatMessage> messages, int index) {
    return messages.subList(index + 1, messages.size()).stream()
        .filter(ToolExecutionResultMessage.class::isInstance)
        .map(ToolExecutionResultMessage.class::cast)
        .toList();
  }

  static String textOf(ChatMessage message) {
    String text =
        switch (message) {
          case UserMessage user ->
              user.contents().stream()
                  .filter(TextContent.class::isInstance)
                  .map(content -> ((TextContent) content).text())
                  .collect(Collectors.joining(" "));
          case SystemMessage system -> system.text();
          case AiMessage ai -> ai.text();
          case ToolExecutionResultMessage result -> result.text();
          default -> "";
        };
    return text == null ? "" : text;
  }

  /** Whitespace-separated words, counted without a regex: the count runs on every call. */
  private static int wordCount(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return words;
  }

  private static String abbreviate(String text) {
    return text.length() <= MAX_OBSERVATION_CHARS
        ? text
        : text.substring(0, MAX_OBSERVATION_CHARS) + "...";
  }
}
