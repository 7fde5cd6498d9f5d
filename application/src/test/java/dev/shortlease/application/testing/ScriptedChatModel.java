package dev.shortlease.application.testing;

import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.port.out.FinishReason;
import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.application.port.out.ModelException;
import dev.shortlease.application.port.out.ModelReply;
import dev.shortlease.application.port.out.ModelRequest;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.application.port.out.TokenSink;
import dev.shortlease.application.port.out.ToolArguments;
import dev.shortlease.application.port.out.ToolCall;
import dev.shortlease.domain.TokenUsage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Test double of {@link ChatModelPort}: plays scripted steps in order (then a fallback step), one
 * per call — tokens with an optional delay each, tool calls, usage, a failure of a given kind, a
 * crash, or a hang until stopped. Honours {@link StopSignal} at every token and while waiting,
 * records every request, and runs a hook at the start of each call (e.g. to sample the connection
 * pool from inside the model).
 */
public final class ScriptedChatModel implements ChatModelPort {
  private static final Duration HANG_SAFETY_LIMIT = Duration.ofMinutes(2);

  /** One call's behaviour. */
  public sealed interface Step permits Reply, Failure, Crash, Hang {}

  /** Streams {@code tokens}, then returns them with {@code toolCalls} and {@code usage}. */
  public record Reply(
      List<String> tokens, Duration perTokenDelay, List<ToolCall> toolCalls, TokenUsage usage)
      implements Step {
    public Reply {
      tokens = List.copyOf(tokens);
      perTokenDelay = perTokenDelay == null ? Duration.ZERO : perTokenDelay;
      toolCalls = List.copyOf(toolCalls);
      usage = usage == null ? TokenUsage.NONE : usage;
    }

    public Reply withUsage(int promptTokens, int completionTokens) {
      return new Reply(
          tokens, perTokenDelay, toolCalls, new TokenUsage(promptTokens, completionTokens));
    }

    public Reply withDelay(Duration delay) {
      return new Reply(tokens, delay, toolCalls, usage);
    }
  }

  /** Streams {@code tokensBefore}, then throws a {@link ModelException} of {@code kind}. */
  public record Failure(ModelErrorKind kind, String message, List<String> tokensBefore)
      implements Step {}

  /** Throws {@code exception} (an unexpected, non-model failure). */
  public record Crash(RuntimeException exception) implements Step {}

  /** Streams {@code tokensBefore}, then waits until stopped and returns {@code STOPPED}. */
  public record Hang(List<String> tokensBefore) implements Step {}

  public static Reply reply(String... tokens) {
    return new Reply(Arrays.asList(tokens), Duration.ZERO, List.of(), TokenUsage.NONE);
  }

  public static Reply slowReply(Duration perToken, String... tokens) {
    return reply(tokens).withDelay(perToken);
  }

  /** A reply asking for tools, optionally with some text (the agent's thought) first. */
  public static Reply toolCalls(String thought, ToolCall... calls) {
    List<String> tokens = thought == null || thought.isEmpty() ? List.of() : List.of(thought);
    return new Reply(tokens, Duration.ZERO, List.of(calls), TokenUsage.NONE);
  }

  public static ToolCall call(String id, String tool, Map<String, ?> arguments) {
    return new ToolCall(id, tool, ToolArguments.of(arguments));
  }

  /** A call with no arguments. */
  public static ToolCall call(String id, String tool) {
    return new ToolCall(id, tool, ToolArguments.NONE);
  }

  public static Failure fail(ModelErrorKind kind, String message, String... tokensBefore) {
    return new Failure(kind, message, Arrays.asList(tokensBefore));
  }

  public static Crash crash(RuntimeException exception) {
    return new Crash(exception);
  }

  public static Hang hang(String... tokensBefore) {
    return new Hang(Arrays.asList(tokensBefore));
  }

  private final ConcurrentLinkedQueue<Step> script = new ConcurrentLinkedQueue<>();
  private final List<ModelRequest> requests = new CopyOnWriteArrayList<>();
  private volatile Step fallback = reply("ok");
  private volatile Consumer<ModelRequest> hook = request -> {};

  private volatile boolean vision;
  private volatile boolean imageLinks = true;

  /** Sees images; takes them by URL ({@code links}) or only inline (as Ollama). */
  public ScriptedChatModel seeingImages(boolean links) {
    this.vision = true;
    this.imageLinks = links;
    return this;
  }

  @Override
  public boolean supportsVision() {
    return vision;
  }

  @Override
  public boolean takesImageLinks() {
    return imageLinks;
  }

  /** Appends steps, played one per call in order. */
  public ScriptedChatModel then(Step... steps) {
    script.addAll(Arrays.asList(steps));
    return this;
  }

  /** The step for every call once the script is used up (default: reply "ok"). */
  public ScriptedChatModel otherwise(Step step) {
    fallback = Objects.requireNonNull(step);
    return this;
  }

  /** Runs {@code hook} at the start of each call, on the calling thread. */
  public ScriptedChatModel onEachCall(Consumer<ModelRequest> hook) {
    this.hook = Objects.requireNonNull(hook);
    return this;
  }

  /** Every request received so far, in order. */
  public List<ModelRequest> requests() {
    return List.copyOf(requests);
  }

  /** Waits until at least {@code count} calls have started. */
  public boolean awaitCalls(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (requests.size() < count) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(2);
    }
    return true;
  }

  @Override
  public ModelReply chat(ModelRequest request, TokenSink tokens, StopSignal stop) {
    requests.add(request);
    hook.accept(request);
    Step step = Objects.requireNonNullElse(script.poll(), fallback);
    CountDownLatch stopped = new CountDownLatch(1);
    stop.onRequest(stopped::countDown);
    StringBuilder text = new StringBuilder();
    return switch (step) {
      case Reply r -> {
        for (String token : r.tokens()) {
          if (waitOrStopped(stopped, r.perTokenDelay())) {
            yield new ModelReply(text.toString(), List.of(), r.usage(), FinishReason.STOPPED);
          }
          tokens.accept(token);
          text.append(token);
        }
        FinishReason reason = r.toolCalls().isEmpty() ? FinishReason.STOP : FinishReason.TOOL_CALLS;
        yield new ModelReply(text.toString(), r.toolCalls(), r.usage(), reason);
      }
      case Failure f -> {
        f.tokensBefore().forEach(tokens::accept);
        throw new ModelException(f.kind(), f.message());
      }
      case Crash c -> throw c.exception();
      case Hang h -> {
        h.tokensBefore().forEach(tokens::accept);
        waitOrStopped(stopped, HANG_SAFETY_LIMIT);
        yield new ModelReply(
            String.join("", h.tokensBefore()), List.of(), TokenUsage.NONE, FinishReason.STOPPED);
      }
    };
  }

  /** Waits {@code delay} or until stopped; true when stopped. */
  private static boolean waitOrStopped(CountDownLatch stopped, Duration delay) {
    try {
      return delay.isZero()
          ? stopped.getCount() == 0
          : stopped.await(delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelException(ModelErrorKind.REQUEST_FAILED, "interrupted", e);
    }
  }
}
