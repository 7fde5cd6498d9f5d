package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.Conversation;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.Page;
import dev.shortlease.domain.port.ConversationSort;
import dev.shortlease.domain.port.ConversationsPort;
import dev.shortlease.domain.port.OwnerStats;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/**
 * Persistence adapter: an owner's conversations. Every query names app and end user (rule R4);
 * pages are keyset pages on {@code (sort key, id)}, so they stay cheap and stable deep in a list.
 */
final class ConversationsAdapter implements ConversationsPort {
  private static final String OWNED =
      " c.appId = :app and c.endUserId = :user and c.status = 'NORMAL'";

  private final SessionScope scope;

  ConversationsAdapter(SessionScope scope) {
    this.scope = scope;
  }

  @Override
  public Page<Conversation> listConversations(
      Owner owner, ConversationId lastId, int limit, ConversationSort sort) {
    Page.requireLimit(limit);
    String key =
        switch (sort) {
          case CREATED_ASC, CREATED_DESC -> "createdAt";
          case UPDATED_ASC, UPDATED_DESC -> "updatedAt";
        };
    boolean ascending =
        sort == ConversationSort.CREATED_ASC || sort == ConversationSort.UPDATED_ASC;
    String after = ascending ? ">" : "<";
    String direction = ascending ? " asc" : " desc";
    return scope.call(
        em -> {
          ConversationEntity last = null;
          if (lastId != null) {
            last = TurnStartAdapter.liveConversation(em, owner, lastId);
            if (last == null) {
              throw new NotFoundException(
                  "last Conversation"); // Dify: "Last Conversation Not Exists."
            }
          }
          String jpql =
              "from ConversationEntity c where"
                  + OWNED
                  + (last == null
                      ? ""
                      : " and (c.%1$s %2$s :key or (c.%1$s = :key and c.id %2$s :lastId))"
                          .formatted(key, after))
                  + " order by c."
                  + key
                  + direction
                  + ", c.id"
                  + direction;
          var query =
              em.createQuery(jpql, ConversationEntity.class)
                  .setParameter("app", owner.appId().value())
                  .setParameter("user", owner.endUserId().value())
                  .setMaxResults(limit + 1);
          if (last != null) {
            query
                .setParameter("key", key.equals("createdAt") ? last.createdAt : last.updatedAt)
                .setParameter("lastId", last.id);
          }
          List<Conversation> rows =
              query.getResultStream().map(EntityMappers::toConversation).toList();
          return new Page<>(rows.subList(0, Math.min(limit, rows.size())), rows.size() > limit);
        });
  }

  @Override
  public Optional<Conversation> findConversation(Owner owner, ConversationId id) {
    return scope.call(em -> find(em, owner, id));
  }

  /** The update pattern: by ID and owner, commit, then read the new state in the same session. */
  @Override
  public Optional<Conversation> renameConversation(Owner owner, ConversationId id, String name) {
    return scope.call(
        em -> {
          if (find(em, owner, id).isEmpty()) {
            return Optional.empty();
          }
          update(em, owner, id, "c.name = :name, c.updatedAt = instant", "")
              .setParameter("name", Conversation.requireName(name))
              .executeUpdate();
          em.clear();
          return find(em, owner, id);
        });
  }

  @Override
  public boolean nameIfUnnamed(Owner owner, ConversationId id, String name) {
    return scope.call(
        em ->
            update(em, owner, id, "c.name = :name", " and c.name = ''")
                    .setParameter("name", Conversation.requireName(name))
                    .executeUpdate()
                == 1);
  }

  @Override
  public boolean deleteConversation(Owner owner, ConversationId id) {
    return scope.call(
        em ->
            update(em, owner, id, "c.status = 'DELETED', c.updatedAt = instant", "").executeUpdate()
                == 1);
  }

  @Override
  public OwnerStats statsFor(Owner owner) {
    return scope.call(
        em -> {
          Long conversations =
              em.createQuery("select count(c) from ConversationEntity c where" + OWNED, Long.class)
                  .setParameter("app", owner.appId().value())
                  .setParameter("user", owner.endUserId().value())
                  .getSingleResult();
          Object[] messages =
              em.createQuery(
                      "select count(m), coalesce(sum(m.promptTokens + m.completionTokens), 0)"
                          + " from MessageEntity m where m.appId = :app and m.endUserId = :user"
                          + " and exists (select 1 from ConversationEntity c"
                          + " where c.id = m.conversationId and c.status = 'NORMAL')",
                      Object[].class)
                  .setParameter("app", owner.appId().value())
                  .setParameter("user", owner.endUserId().value())
                  .getSingleResult();
          return new OwnerStats(
              conversations,
              ((Number) messages[0]).longValue(),
              ((Number) messages[1]).longValue());
        });
  }

  private static Optional<Conversation> find(EntityManager em, Owner owner, ConversationId id) {
    return Optional.ofNullable(TurnStartAdapter.liveConversation(em, owner, id))
        .map(EntityMappers::toConversation);
  }

  private static jakarta.persistence.Query update(
      EntityManager em, Owner owner, ConversationId id, String set, String condition) {
    return em.createQuery(
            "update ConversationEntity c set " + set + " where c.id = :id and" + OWNED + condition)
        .setParameter("id", id.value())
        .setParameter("app", owner.appId().value())
        .setParameter("user", owner.endUserId().value());
  }
}
