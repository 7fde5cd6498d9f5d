package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.AgentThoughtId;
import dev.shortlease.domain.ChatTurn;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.HistoryWindow;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.MessageOutcome;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.TokenUsage;
import dev.shortlease.domain.ToolInput;
import dev.shortlease.domain.port.AgentThoughtsPort;
import dev.shortlease.domain.port.ChatHistoryPort;
import dev.shortlease.domain.port.FinishMessagePort;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Persistence adapter: the life of a running message — its history window (T3), its agent thoughts,
 * and the one write that ends it (T4).
 *
 * <p>Ending is a conditional update ({@code where status = 'RUNNING'}): the database's row lock
 * serialises concurrent finishers, and the loser's re-checked condition no longer matches, so
 * exactly one wins and a terminal state never changes.
 */
final class MessageLifecycleAdapter
    implements FinishMessagePort, AgentThoughtsPort, ChatHistoryPort {
  private final SessionScope scope;

  MessageLifecycleAdapter(SessionScope scope) {
    this.scope = scope;
  }

  /**
   * T3 reads the two columns the model needs, never whole rows: a message's inputs, usage and
   * feedback are of no use to the model and would only be copied. At most {@code maxTurns} rows;
   * the window's character budget then keeps the newest that fit.
   */
  @Override
  public List<ChatTurn> loadHistory(
      Owner owner, ConversationId conversationId, MessageId current, HistoryWindow window) {
    if (window.maxTurns() == 0 || window.maxChars() == 0) {
      return List.of();
    }
    return scope.call(
        em -> {
          if (TurnStartAdapter.liveConversation(em, owner, conversationId) == null) {
            return List.of();
          }
          List<ChatTurn> newestFirst =
              em.createQuery(
                      "select new dev.shortlease.domain.ChatTurn(m.query, m.answer)"
                          + " from MessageEntity m where m.conversationId = :conversation"
                          + " and m.appId = :app and m.endUserId = :user and m.id <> :current"
                          + " and m.status <> 'RUNNING' and m.answer <> ''"
                          + " order by m.createdAt desc, m.id desc",
                      ChatTurn.class)
                  .setParameter("conversation", conversationId.value())
                  .setParameter("app", owner.appId().value())
                  .setParameter("user", owner.endUserId().value())
                  .setParameter("current", current.value())
                  .setMaxResults(window.maxTurns())
                  .getResultList();
          return window.fit(newestFirst);
        });
  }

  /**
   * The update pattern, made conditional so that exactly one concurrent finisher wins. Once per
   * chat, so {@linkplain PreparedSql prepared JDBC} on a stateless session's connection; on
   * PostgreSQL one statement.
   */
  @Override
  public boolean finishMessage(Owner owner, MessageId messageId, MessageOutcome outcome) {
    Object[] params = {
      outcome.status().name(),
      outcome.answer(),
      outcome.error(),
      outcome.usage().promptTokens(),
      outcome.usage().completionTokens(),
      outcome.latency().toNanos(),
      messageId.value(),
      owner.appId().value(),
      owner.endUserId().value(),
      MessageOutcome.ABANDONED_PREFIX + "%"
    };
    // The save that keeps a running chat's answer: on the connections ordinary work cannot take.
    if (scope.database().isPostgresql()) {
      return scope.callOneStatementReserved(
          connection ->
              PreparedSql.first(connection, FINISH_AS_ONE_STATEMENT, row -> row.getInt(1), params)
                      .orElse(0)
                  > 0);
    }
    return scope.callStatelessReserved(
        session ->
            session.doReturningWork(
                connection -> {
                  if (PreparedSql.update(connection, FINISH_MESSAGE, params) == 0) {
                    return false;
                  }
                  PreparedSql.update(
                      connection,
                      "update conversation set updated_at = current_timestamp"
                          + " where id = (select conversation_id from message where id = ?)",
                      messageId.value());
                  return true;
                }));
  }

  private static final String FINISH_MESSAGE =
      "update message set status = ?, answer = ?, error = ?,"
          + " prompt_tokens = ?, completion_tokens = ?, latency_nanos = ?,"
          + " updated_at = current_timestamp"
          + " where id = ? and app_id = ? and end_user_id = ?"
          + " and (status = 'RUNNING' or (status = 'ERROR' and error like ?))";

  /**
   * PostgreSQL: the message ended and its conversation touched in one statement (one round trip, in
   * autocommit), answering how many messages it ended (0 or 1).
   */
  private static final String FINISH_AS_ONE_STATEMENT =
      "with m as ("
          + FINISH_MESSAGE
          + " returning conversation_id),"
          + " c as (update conversation set updated_at = current_timestamp"
          + " where id in (select conversation_id from m))"
          + " select count(*) from m";

  /**
   * The age rule spares every message whose instance still holds a live lease (database time, as
   * {@link InstanceLeaseAdapter} decides it): that instance is alive and will end the message
   * itself, however old the message looks. What is left are rows that name no instance (older than
   * leases) or an instance that is gone. The age is measured from the database's {@code
   * current_timestamp}, the clock that stamped {@code created_at}: only the age in microseconds is
   * bound, never a time from this instance's clock. One statement, the same on PostgreSQL and H2
   * (H2 multiplies an interval only by a typed number, hence the cast).
   */
  @Override
  public int failAbandoned(Duration olderThan, String error) {
    return scope.callReserved(
        em ->
            em.createNativeQuery(
                    "update {h-schema}message set status = 'ERROR', error = :error,"
                        + " updated_at = current_timestamp"
                        + " where status = 'RUNNING'"
                        + " and created_at < current_timestamp"
                        + " - cast(:micros as bigint) * interval '0.000001' second"
                        + " and (instance_id is null or instance_id not in"
                        + " (select id from {h-schema}service_instance"
                        + " where lease_until >= current_timestamp))")
                .setParameter("error", error)
                .setParameter("micros", TimeUnit.MICROSECONDS.convert(olderThan))
                .executeUpdate());
  }

  @Override
  public AgentThoughtId addThought(
      Owner owner,
      MessageId messageId,
      int position,
      String thought,
      String tool,
      ToolInput toolInput,
      TokenUsage usage) {
    return scope.callReserved(
        em -> {
          boolean mine =
              !em.createQuery(
                      "select m.id from MessageEntity m"
                          + " where m.id = :id and m.appId = :app and m.endUserId = :user",
                      UUID.class)
                  .setParameter("id", messageId.value())
                  .setParameter("app", owner.appId().value())
                  .setParameter("user", owner.endUserId().value())
                  .getResultList()
                  .isEmpty();
          if (!mine) {
            throw new NotFoundException("message");
          }
          TokenUsage spent = usage == null ? TokenUsage.NONE : usage;
          AgentThoughtEntity entity = new AgentThoughtEntity();
          entity.id = UUID.randomUUID();
          entity.messageId = messageId.value();
          entity.position = position;
          entity.thought = thought == null ? "" : thought;
          entity.tool = tool == null ? "" : tool;
          entity.toolInput =
              JsonText.ofObjectOrEmpty(toolInput == null ? null : toolInput.byTool());
          entity.observation = "";
          entity.promptTokens = spent.promptTokens();
          entity.completionTokens = spent.completionTokens();
          em.persist(entity);
          return new AgentThoughtId(entity.id);
        });
  }

  @Override
  public AgentThoughtId recordThought(
      Owner owner,
      AgentThoughtId thoughtId,
      String thought,
      String tool,
      ToolInput toolInput,
      TokenUsage usage) {
    TokenUsage spent = usage == null ? TokenUsage.NONE : usage;
    int changed =
        scope.call(
            em ->
                em.createQuery(
                        "update AgentThoughtEntity t set t.thought = :thought, t.tool = :tool,"
                            + " t.toolInput = :input, t.promptTokens = :prompt,"
                            + " t.completionTokens = :completion"
                            + " where t.id = :id and t.messageId in (select m.id from MessageEntity m"
                            + " where m.appId = :app and m.endUserId = :user)")
                    .setParameter("thought", thought == null ? "" : thought)
                    .setParameter("tool", tool == null ? "" : tool)
                    .setParameter(
                        "input",
                        JsonText.ofObjectOrEmpty(toolInput == null ? null : toolInput.byTool()))
                    .setParameter("prompt", spent.promptTokens())
                    .setParameter("completion", spent.completionTokens())
                    .setParameter("id", thoughtId.value())
                    .setParameter("app", owner.appId().value())
                    .setParameter("user", owner.endUserId().value())
                    .executeUpdate());
    if (changed == 0) {
      throw new NotFoundException("agent thought");
    }
    return thoughtId;
  }

  @Override
  public AgentThoughtId recordObservation(
      Owner owner, AgentThoughtId thoughtId, Map<String, String> observation) {
    int changed =
        scope.callReserved(
            em ->
                em.createQuery(
                        "update AgentThoughtEntity t set t.observation = :observation"
                            + " where t.id = :id and t.messageId in (select m.id from MessageEntity m"
                            + " where m.appId = :app and m.endUserId = :user)")
                    .setParameter("observation", JsonText.ofObjectOrEmpty(observation))
                    .setParameter("id", thoughtId.value())
                    .setParameter("app", owner.appId().value())
                    .setParameter("user", owner.endUserId().value())
                    .executeUpdate());
    if (changed == 0) {
      throw new NotFoundException("agent thought");
    }
    return thoughtId;
  }
}
