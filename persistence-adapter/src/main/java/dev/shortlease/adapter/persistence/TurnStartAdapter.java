package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.ConversationStatus;
import dev.shortlease.domain.EndUser;
import dev.shortlease.domain.EndUserId;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.MessageStatus;
import dev.shortlease.domain.NewTurn;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.StartedTurn;
import dev.shortlease.domain.VariableDeclaration;
import dev.shortlease.domain.port.EndUsersPort;
import dev.shortlease.domain.port.StartTurnPort;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.StatelessSession;

/**
 * Persistence adapter: T2 of the chat flow in one transaction (get-or-create the end user, find or
 * create the conversation, insert the running message), and end-user lookups.
 *
 * <p>T2 runs once per chat. The usual turn on PostgreSQL is one statement ({@link
 * #isOneStatementTurn}, ADR 0038); any other runs in a stateless session: each insert executes at
 * once, with no persistence context to flush (a stateless insert does not fetch generated columns:
 * the message's {@code created_at} is the transaction's clock, read with the end user). The app is
 * not read first: the foreign key on {@code app_id} refuses an unknown app, reported as not found.
 *
 * <p>Two first requests of one user race to insert the same {@code (app_id, external_id)}: the
 * loser's {@code insert ... on conflict do nothing} waits for the winner and reads its row,
 * quietly. Should a unique violation still surface (another constraint, another dialect), the turn
 * is retried; the retry finds the winner's row.
 */
final class TurnStartAdapter implements StartTurnPort, EndUsersPort {
  private static final int ATTEMPTS = 3;

  private final SessionScope scope;
  private final UUID instanceId;

  TurnStartAdapter(SessionScope scope, UUID instanceId) {
    this.instanceId = instanceId;
    this.scope = scope;
  }

  @Override
  public Optional<EndUserId> findEndUser(AppId appId, String externalId) {
    return scope.callStateless(session -> endUser(session, appId, externalId));
  }

  @Override
  public Optional<EndUser> getEndUser(AppId appId, EndUserId id) {
    return scope.call(
        em ->
            Optional.ofNullable(em.find(EndUserEntity.class, id.value()))
                .filter(u -> u.appId.equals(appId.value()))
                .map(
                    u ->
                        new EndUser(
                            new EndUserId(u.id), new AppId(u.appId), u.externalId, u.createdAt)));
  }

  @Override
  public StartedTurn startTurn(NewTurn turn) {
    NewKeys keys = NewKeys.draw(turn);
    for (int attempt = 1; ; attempt++) {
      try {
        if (attempt == 1 && isOneStatementTurn(turn)) {
          Optional<StartedTurn> started =
              scope.callOneStatement(c -> startAsOneStatement(c, turn, keys));
          if (started.isPresent()) {
            return started.get();
          }
          // A user seen for the first time: created in the full transaction below.
        }
        return scope.callStateless(session -> start(session, turn, keys));
      } catch (RuntimeException e) {
        if (SessionScope.isForeignKeyViolation(e)) {
          throw new NotFoundException("app");
        }
        if (attempt >= ATTEMPTS || !SessionScope.isUniqueViolation(e)) {
          throw e;
        }
      }
    }
  }

  /**
   * The keys and the inputs' JSON a turn may insert, made before its unit of work: nothing but
   * statements runs with the connection lent out. {@code UUID.randomUUID()} takes a lock shared by
   * every thread of the process ({@code SecureRandom}); drawn inside the unit, a wait for that lock
   * was a wait with a connection held. A rolled-back attempt wrote nothing, so a retry reuses them.
   * (A first-seen user's key is still made inside: that turn is rare and several statements long.)
   */
  private record NewKeys(UUID conversationId, UUID messageId, String inputs) {
    static NewKeys draw(NewTurn turn) {
      boolean newConversation = turn.conversationId() == null;
      return new NewKeys(
          newConversation ? UUID.randomUUID() : null,
          UUID.randomUUID(),
          newConversation ? JsonText.ofValue(turn.inputs()) : null);
    }
  }

  /**
   * The create pattern: insert and return IDs. The message's {@code created_at} is the database's
   * {@code current_timestamp}, which is the transaction's start time (PostgreSQL, H2): the clock
   * read with the end user lookup is therefore the value its insert stores, and no read-back is
   * needed (one round trip fewer per chat, with the connection lent out). Every chat runs these
   * statements, so they are {@linkplain PreparedSql prepared JDBC} on the session's connection.
   */
  private StartedTurn start(StatelessSession session, NewTurn turn, NewKeys keys) {
    TurnRows rows = session.doReturningWork(connection -> insertTurn(connection, turn, keys));
    if (turn.conversationId() == null) {
      insertVariables(session, rows.owner(), rows.conversationId(), turn.conversationVariables());
    }
    return new StartedTurn(
        rows.owner(),
        new ConversationId(rows.conversationId()),
        turn.conversationId() == null,
        new MessageId(rows.messageId()),
        rows.user().transactionStart(),
        EntityMappers.inputs(rows.inputs()));
  }

  /**
   * The usual turn — a known user opens a new conversation that declares no variables — is, on
   * PostgreSQL, one statement: the end user's row selected, the conversation and the running
   * message inserted with it (data-modifying {@code WITH}; the foreign keys are checked at its
   * end). One round trip, where the general path takes four with the connection out.
   */
  private boolean isOneStatementTurn(NewTurn turn) {
    return scope.database().isPostgresql()
        && turn.conversationId() == null
        && turn.conversationVariables().isEmpty();
  }

  private static final String ONE_STATEMENT_TURN =
      "with u as (select id from end_user where app_id = ? and external_id = ?),"
          + " c as (insert into conversation (id, app_id, end_user_id, name, inputs, status)"
          + " select ?, ?, u.id, '', ?, ? from u),"
          + " m as (insert into message (id, conversation_id, app_id, end_user_id, query, inputs,"
          + " answer, status, instance_id) select ?, ?, ?, u.id, ?, ?, '', ?, ? from u"
          + " returning end_user_id, created_at)"
          + " select end_user_id, created_at from m";

  /** Empty when the user has no row yet: then nothing was written. */
  private Optional<StartedTurn> startAsOneStatement(
      Connection connection, NewTurn turn, NewKeys keys) throws SQLException {
    UUID appId = turn.appId().value();
    UUID conversationId = keys.conversationId();
    UUID messageId = keys.messageId();
    String inputs = keys.inputs();
    return PreparedSql.first(
        connection,
        ONE_STATEMENT_TURN,
        row ->
            new StartedTurn(
                new Owner(turn.appId(), new EndUserId(row.getObject(1, UUID.class))),
                new ConversationId(conversationId),
                true,
                new MessageId(messageId),
                row.getObject(2, OffsetDateTime.class).toInstant(),
                EntityMappers.inputs(inputs)),
        appId,
        turn.user(),
        conversationId,
        appId,
        inputs,
        ConversationStatus.NORMAL.name(),
        messageId,
        conversationId,
        appId,
        turn.query(),
        inputs,
        MessageStatus.RUNNING.name(),
        instanceId);
  }

  /** What T2's statements wrote. */
  private record TurnRows(
      UserAtClock user, Owner owner, UUID conversationId, UUID messageId, String inputs) {}

  private TurnRows insertTurn(Connection connection, NewTurn turn, NewKeys keys)
      throws SQLException {
    Optional<UserAtClock> knownUser = endUserAtClock(connection, turn.appId(), turn.user());
    if (turn.conversationId() != null && knownUser.isEmpty()) {
      throw new NotFoundException("conversation");
    }
    UserAtClock user = knownUser.isPresent() ? knownUser.get() : createUser(connection, turn);
    Owner owner = new Owner(turn.appId(), user.id());
    UUID appId = owner.appId().value();
    UUID endUserId = owner.endUserId().value();
    UUID conversationId;
    String inputs;
    if (turn.conversationId() == null) {
      conversationId = keys.conversationId();
      inputs = keys.inputs();
      PreparedSql.update(
          connection,
          "insert into conversation (id, app_id, end_user_id, name, inputs, status)"
              + " values (?, ?, ?, '', ?, ?)",
          conversationId,
          appId,
          endUserId,
          inputs,
          ConversationStatus.NORMAL.name());
    } else {
      conversationId = turn.conversationId().value();
      // A later turn runs with the inputs its conversation started with, as in Dify.
      inputs = touchConversation(connection, owner, conversationId);
    }
    UUID messageId = keys.messageId();
    PreparedSql.update(
        connection,
        "insert into message (id, conversation_id, app_id, end_user_id, query, inputs, answer,"
            + " status, instance_id) values (?, ?, ?, ?, ?, ?, '', ?, ?)",
        messageId,
        conversationId,
        appId,
        endUserId,
        turn.query(),
        inputs,
        MessageStatus.RUNNING.name(),
        instanceId); // whose lease keeps it running (InstanceLeaseAdapter)
    return new TurnRows(user, owner, conversationId, messageId, inputs);
  }

  /**
   * Moves a live conversation of the owner to the top of its list and returns the inputs it started
   * with; not found if the owner has no such live conversation.
   */
  private static String touchConversation(Connection connection, Owner owner, UUID id)
      throws SQLException {
    int touched =
        PreparedSql.update(
            connection,
            "update conversation set updated_at = current_timestamp"
                + " where id = ? and app_id = ? and end_user_id = ? and status = ?",
            id,
            owner.appId().value(),
            owner.endUserId().value(),
            ConversationStatus.NORMAL.name());
    if (touched != 1) {
      throw new NotFoundException("conversation");
    }
    return PreparedSql.first(
            connection, "select inputs from conversation where id = ?", row -> row.getString(1), id)
        .orElseThrow(() -> new NotFoundException("conversation"));
  }

  /** The new conversation's variables, from the app's declarations, in their order. */
  private static void insertVariables(
      StatelessSession session,
      Owner owner,
      UUID conversationId,
      List<VariableDeclaration> declarations) {
    int position = 0;
    for (VariableDeclaration d : declarations) {
      ConversationVariableEntity v = new ConversationVariableEntity();
      v.id = UUID.randomUUID();
      v.conversationId = conversationId;
      v.appId = owner.appId().value();
      v.endUserId = owner.endUserId().value();
      v.position = position++;
      v.name = d.name();
      v.valueType = StoredAppSettings.ofType(d.type());
      v.valueJson = JsonText.ofValue(d.value());
      v.description = d.description();
      session.insert(v);
    }
  }

  /**
   * Inserts the end user unless a concurrent first request of the same user did: {@code on conflict
   * do nothing} waits for that transaction and then leaves its row, which the read finds. No unique
   * violation is raised, so nothing rolls back and nothing is logged (PostgreSQL; H2 in PostgreSQL
   * mode).
   */
  private static UserAtClock createUser(Connection connection, NewTurn turn) throws SQLException {
    PreparedSql.update(
        connection,
        "insert into end_user (id, app_id, external_id) values (?, ?, ?) on conflict do nothing",
        UUID.randomUUID(),
        turn.appId().value(),
        turn.user());
    return endUserAtClock(connection, turn.appId(), turn.user())
        .orElseThrow(() -> new IllegalStateException("end user missing right after its insert"));
  }

  private static Optional<EndUserId> endUser(
      StatelessSession session, AppId appId, String externalId) {
    return Optional.ofNullable(
            session
                .createSelectionQuery(
                    "select u.id from EndUserEntity u"
                        + " where u.appId = :app and u.externalId = :external",
                    UUID.class)
                .setParameter("app", appId.value())
                .setParameter("external", externalId)
                .getSingleResultOrNull())
        .map(EndUserId::new);
  }

  /** An end user and the database's {@code current_timestamp} in this transaction. */
  private record UserAtClock(EndUserId id, Instant transactionStart) {}

  private static Optional<UserAtClock> endUserAtClock(
      Connection connection, AppId appId, String externalId) throws SQLException {
    return PreparedSql.first(
        connection,
        "select id, current_timestamp from end_user where app_id = ? and external_id = ?",
        row ->
            new UserAtClock(
                new EndUserId(row.getObject(1, UUID.class)),
                row.getObject(2, OffsetDateTime.class).toInstant()),
        appId.value(),
        externalId);
  }

  /** The owner's conversation if it exists and is not deleted, else null (rule R4). */
  static ConversationEntity liveConversation(EntityManager em, Owner owner, ConversationId id) {
    return em.createQuery(
            "from ConversationEntity c where c.id = :id and c.appId = :app"
                + " and c.endUserId = :user and c.status = 'NORMAL'",
            ConversationEntity.class)
        .setParameter("id", id.value())
        .setParameter("app", owner.appId().value())
        .setParameter("user", owner.endUserId().value())
        .getResultStream()
        .findFirst()
        .orElse(null);
  }
}
