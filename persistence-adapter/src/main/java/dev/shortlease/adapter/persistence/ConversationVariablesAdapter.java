package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.ConversationVariable;
import dev.shortlease.domain.ConversationVariableId;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.Page;
import dev.shortlease.domain.VariableValue;
import dev.shortlease.domain.port.ConversationVariablesPort;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Persistence adapter: the variables of an owner's live conversations, in declaration order, paged
 * by position. Every query names the app and the user (rule R4).
 */
final class ConversationVariablesAdapter implements ConversationVariablesPort {
  private static final String OWNED =
      " v.conversationId = :conversation and v.appId = :app and v.endUserId = :user";

  private final SessionScope scope;

  ConversationVariablesAdapter(SessionScope scope) {
    this.scope = scope;
  }

  @Override
  public Page<ConversationVariable> listVariables(
      Owner owner,
      ConversationId conversationId,
      ConversationVariableId lastId,
      int limit,
      String nameContains) {
    Page.requireLimit(limit);
    return scope.call(
        em -> {
          if (TurnStartAdapter.liveConversation(em, owner, conversationId) == null) {
            throw new NotFoundException("conversation");
          }
          int after = -1;
          if (lastId != null) {
            after =
                owned(em, owner, conversationId, lastId)
                    .orElseThrow(() -> new NotFoundException("last_id"))
                    .position;
          }
          var query =
              em.createQuery(
                      "from ConversationVariableEntity v where"
                          + OWNED
                          + " and v.position > :after"
                          + (nameContains == null ? "" : " and lower(v.name) like :name escape '!'")
                          + " order by v.position",
                      ConversationVariableEntity.class)
                  .setParameter("conversation", conversationId.value())
                  .setParameter("app", owner.appId().value())
                  .setParameter("user", owner.endUserId().value())
                  .setParameter("after", after)
                  .setMaxResults(limit + 1);
          if (nameContains != null) {
            query.setParameter("name", "%" + likeEscaped(nameContains) + "%");
          }
          List<ConversationVariable> rows =
              query.getResultStream().map(EntityMappers::toVariable).toList();
          return new Page<>(rows.subList(0, Math.min(limit, rows.size())), rows.size() > limit);
        });
  }

  @Override
  public Optional<ConversationVariable> findVariable(
      Owner owner, ConversationId conversationId, ConversationVariableId id) {
    return scope.call(em -> live(em, owner, conversationId, id).map(EntityMappers::toVariable));
  }

  @Override
  public Optional<ConversationVariable> setVariable(
      Owner owner, ConversationId conversationId, ConversationVariableId id, VariableValue value) {
    return scope.call(
        em -> {
          Optional<ConversationVariableEntity> found = live(em, owner, conversationId, id);
          found.ifPresent(
              v ->
                  em.createQuery(
                          "update ConversationVariableEntity v set v.valueJson = :value,"
                              + " v.updatedAt = instant where v.id = :id")
                      .setParameter("value", JsonText.ofValue(value.value()))
                      .setParameter("id", v.id)
                      .executeUpdate());
          em.clear();
          return found
              .flatMap(v -> owned(em, owner, conversationId, id))
              .map(EntityMappers::toVariable);
        });
  }

  /** {@code text} lower-cased, with LIKE's wildcards (and the escape character) escaped. */
  private static String likeEscaped(String text) {
    return text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static Optional<ConversationVariableEntity> live(
      EntityManager em, Owner owner, ConversationId conversationId, ConversationVariableId id) {
    if (TurnStartAdapter.liveConversation(em, owner, conversationId) == null) {
      return Optional.empty();
    }
    return owned(em, owner, conversationId, id);
  }

  private static Optional<ConversationVariableEntity> owned(
      EntityManager em, Owner owner, ConversationId conversationId, ConversationVariableId id) {
    return em.createQuery(
            "from ConversationVariableEntity v where v.id = :id and" + OWNED,
            ConversationVariableEntity.class)
        .setParameter("id", id.value())
        .setParameter("conversation", conversationId.value())
        .setParameter("app", owner.appId().value())
        .setParameter("user", owner.endUserId().value())
        .getResultStream()
        .findFirst();
  }
}
