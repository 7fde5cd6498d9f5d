package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.ConversationStatus;
import dev.shortlease.domain.EndUserId;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.MessageStatus;
import dev.shortlease.domain.NewTurn;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.StartedTurn;
import dev.shortlease.domain.port.EndUsersPort;
import dev.shortlease.domain.port.StartTurnPort;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.UUID;

/**
 * Persistence adapter: T2 of the chat flow in one transaction (get-or-create the end user, find or
 * create the conversation, insert the running message), and end-user lookups.
 *
 * <p>Two first requests of one user race to insert the same {@code (app_id, external_id)}: the
 * loser hits the unique constraint, its transaction rolls back, and it is retried once; the retry
 * finds the winner's row.
 */
final class TurnStartAdapter implements StartTurnPort, EndUsersPort {
  private static final int ATTEMPTS = 3;

  private final SessionScope scope;

  TurnStartAdapter(SessionScope scope) {
    this.scope = scope;
  }

  @Override
  public Optional<EndUserId> findEndUser(AppId appId, String externalId) {
    return scope.call(em -> endUser(em, appId, externalId));
  }

  @Override
  public StartedTurn startTurn(NewTurn turn) {
    for (int attempt = 1; ; attempt++) {
      try {
        return scope.call(em -> start(em, turn));
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !SessionScope.isUniqueViolation(e)) {
          throw e;
        }
      }
    }
  }

  /** The create pattern: insert, flush, read the database's created_at back, return IDs. */
  private static StartedTurn start(EntityManager em, NewTurn turn) {
    AppCatalogAdapter.requireApp(em, turn.appId());
    Optional<EndUserId> knownUser = endUser(em, turn.appId(), turn.user());
    ConversationEntity existing = null;
    if (turn.conversationId() != null) {
      existing =
          knownUser
              .map(
                  user ->
                      liveConversation(em, new Owner(turn.appId(), user), turn.conversationId()))
              .orElseThrow(() -> new NotFoundException("conversation"));
    }
    Owner owner = new Owner(turn.appId(), knownUser.orElseGet(() -> createUser(em, turn)));
    String inputs = JsonText.ofMap(turn.inputs());

    UUID conversationId;
    if (existing == null) {
      ConversationEntity conversation = new ConversationEntity();
      conversation.id = UUID.randomUUID();
      conversation.appId = owner.appId().value();
      conversation.endUserId = owner.endUserId().value();
      conversation.name = "";
      conversation.inputs = inputs;
      conversation.status = ConversationStatus.NORMAL.name();
      em.persist(conversation);
      conversationId = conversation.id;
    } else {
      conversationId = existing.id;
      em.createQuery("update ConversationEntity c set c.updatedAt = instant where c.id = :id")
          .setParameter("id", conversationId)
          .executeUpdate();
    }

    MessageEntity message = new MessageEntity();
    message.id = UUID.randomUUID();
    message.conversationId = conversationId;
    message.appId = owner.appId().value();
    message.endUserId = owner.endUserId().value();
    message.query = turn.query();
    message.inputs = inputs;
    message.answer = "";
    message.status = MessageStatus.RUNNING.name();
    em.persist(message);
    em.flush(); // the insert runs now, and @Generated reads created_at back
    return new StartedTurn(
        owner,
        new ConversationId(conversationId),
        existing == null,
        new MessageId(message.id),
        message.createdAt);
  }

  private static EndUserId createUser(EntityManager em, NewTurn turn) {
    EndUserEntity user = new EndUserEntity();
    user.id = UUID.randomUUID();
    user.appId = turn.appId().value();
    user.externalId = turn.user();
    em.persist(user);
    em.flush(); // surface a concurrent first request's unique violation here
    return new EndUserId(user.id);
  }

  private static Optional<EndUserId> endUser(EntityManager em, AppId appId, String externalId) {
    return em.createQuery(
            "select u.id from EndUserEntity u where u.appId = :app and u.externalId = :external",
            UUID.class)
        .setParameter("app", appId.value())
        .setParameter("external", externalId)
        .getResultStream()
        .findFirst()
        .map(EndUserId::new);
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
