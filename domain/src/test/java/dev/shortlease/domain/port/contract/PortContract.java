package dev.shortlease.domain.port.contract;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.MessageOutcome;
import dev.shortlease.domain.NewApp;
import dev.shortlease.domain.NewTurn;
import dev.shortlease.domain.StartedTurn;
import dev.shortlease.domain.TokenUsage;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Base of the port contract tests: subclasses supply the ports. Every test makes its own app and
 * users with unique names, so implementations may share one database across tests and runs.
 */
public abstract class PortContract {

  /** The ports under test; may return the same database for every test. */
  protected abstract PortSet ports();

  protected AppId newApp() {
    return ports()
        .apps()
        .createApp(
            new NewApp("contract " + UUID.randomUUID(), "", AppMode.CHAT, null, null, null, null));
  }

  protected static String newUser() {
    return "user-" + UUID.randomUUID();
  }

  protected StartedTurn start(AppId app, String user, ConversationId conversation, String query) {
    return ports()
        .startTurn()
        .startTurn(new NewTurn(app, user, conversation, query, Map.of("lang", "en")));
  }

  /** Starts a turn and finishes it normally with {@code answer}. */
  protected StartedTurn exchange(
      AppId app, String user, ConversationId conversation, String query, String answer) {
    StartedTurn turn = start(app, user, conversation, query);
    ports()
        .finish()
        .finishMessage(
            turn.owner(),
            turn.messageId(),
            MessageOutcome.completed(answer, new TokenUsage(3, 4), Duration.ofMillis(5)));
    return turn;
  }

  /** The value of a finished future, rethrowing what the task threw. */
  protected static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
