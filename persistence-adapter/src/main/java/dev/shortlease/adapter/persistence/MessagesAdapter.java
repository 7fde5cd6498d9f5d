package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.AgentThought;
import dev.shortlease.domain.AppFeedback;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.EndUserId;
import dev.shortlease.domain.Feedback;
import dev.shortlease.domain.Message;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.MessageWithThoughts;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.Page;
import dev.shortlease.domain.Rating;
import dev.shortlease.domain.port.AppFeedbacksPort;
import dev.shortlease.domain.port.MessagesPort;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Persistence adapter: an owner's messages, paged backwards from the newest as Dify's history
 * endpoint does, and their ratings. A message of a deleted conversation behaves as missing.
 */
final class MessagesAdapter implements MessagesPort, AppFeedbacksPort {
  private static final String OWNED_IN_LIVE_CONVERSATION =
      " m.appId = :app and m.endUserId = :user and exists (select 1 from ConversationEntity c"
          + " where c.id = m.conversationId and c.status = 'NORMAL')";

  private final SessionScope scope;

  MessagesAdapter(SessionScope scope) {
    this.scope = scope;
  }

  @Override
  public Page<MessageWithThoughts> listMessages(
      Owner owner, ConversationId conversationId, MessageId firstId, int limit) {
    Page.requireLimit(limit);
    return scope.call(
        em -> {
          if (TurnStartAdapter.liveConversation(em, owner, conversationId) == null) {
            throw new NotFoundException("conversation");
          }
          MessageEntity first = null;
          if (firstId != null) {
            first = em.find(MessageEntity.class, firstId.value());
            if (first == null || !first.conversationId.equals(conversationId.value())) {
              throw new NotFoundException("first Message"); // Dify: "First Message Not Exists."
            }
          }
          var query =
              em.createQuery(
                      "from MessageEntity m where m.conversationId = :conversation"
                          + " and m.appId = :app and m.endUserId = :user"
                          + (first == null
                              ? ""
                              : " and (m.createdAt < :key or (m.createdAt = :key and m.id < :first))")
                          + " order by m.createdAt desc, m.id desc",
                      MessageEntity.class)
                  .setParameter("conversation", conversationId.value())
                  .setParameter("app", owner.appId().value())
                  .setParameter("user", owner.endUserId().value())
                  .setMaxResults(limit + 1);
          if (first != null) {
            query.setParameter("key", first.createdAt).setParameter("first", first.id);
          }
          List<Message> newestFirst =
              query.getResultStream().map(EntityMappers::toMessage).toList();
          List<Message> page = newestFirst.subList(0, Math.min(limit, newestFirst.size()));
          Map<MessageId, List<AgentThought>> thoughts = thoughtsOf(em, page);
          List<MessageWithThoughts> oldestFirst =
              page.reversed().stream()
                  .map(m -> new MessageWithThoughts(m, thoughts.getOrDefault(m.id(), List.of())))
                  .toList();
          return new Page<>(oldestFirst, newestFirst.size() > limit);
        });
  }

  @Override
  public Optional<Message> findMessage(Owner owner, MessageId id) {
    return scope.call(
        em ->
            em.createQuery(
                    "from MessageEntity m where m.id = :id and" + OWNED_IN_LIVE_CONVERSATION,
                    MessageEntity.class)
                .setParameter("id", id.value())
                .setParameter("app", owner.appId().value())
                .setParameter("user", owner.endUserId().value())
                .getResultStream()
                .findFirst()
                .map(EntityMappers::toMessage));
  }

  /**
   * Ordered by the conversation index {@code (conversation_id, created_at, id)}, first row only.
   */
  @Override
  public Optional<String> firstQuery(Owner owner, ConversationId conversationId) {
    return scope.call(
        em -> {
          if (TurnStartAdapter.liveConversation(em, owner, conversationId) == null) {
            throw new NotFoundException("conversation");
          }
          return em.createQuery(
                  "select m.query from MessageEntity m where m.conversationId = :conversation"
                      + " and m.appId = :app and m.endUserId = :user"
                      + " order by m.createdAt, m.id",
                  String.class)
              .setParameter("conversation", conversationId.value())
              .setParameter("app", owner.appId().value())
              .setParameter("user", owner.endUserId().value())
              .setMaxResults(1)
              .getResultStream()
              .findFirst();
        });
  }

  @Override
  public boolean setFeedback(Owner owner, MessageId id, Feedback feedback) {
    return scope.call(
        em ->
            em.createQuery(
                        "update MessageEntity m set m.feedbackRating = :rating,"
                            + " m.feedbackContent = :content, m.updatedAt = instant,"
                            + (feedback == null ? " m.ratedAt = null" : " m.ratedAt = instant")
                            + " where m.id = :id and"
                            + OWNED_IN_LIVE_CONVERSATION)
                    .setParameter("rating", feedback == null ? null : feedback.rating().name())
                    .setParameter("content", feedback == null ? null : feedback.content())
                    .setParameter("id", id.value())
                    .setParameter("app", owner.appId().value())
                    .setParameter("user", owner.endUserId().value())
                    .executeUpdate()
                == 1);
  }

  private static Map<MessageId, List<AgentThought>> thoughtsOf(
      EntityManager em, List<Message> messages) {
    if (messages.isEmpty()) {
      return Map.of();
    }
    List<UUID> ids = messages.stream().map(m -> m.id().value()).toList();
    return em.createQuery(
            "from AgentThoughtEntity t where t.messageId in :ids order by t.position, t.createdAt",
            AgentThoughtEntity.class)
        .setParameter("ids", ids)
        .getResultStream()
        .map(EntityMappers::toThought)
        .collect(Collectors.groupingBy(AgentThought::messageId));
  }

  /**
   * Rated messages of the app, the latest rating first, each with its rating's time ({@code
   * rated_at}: {@code updated_at} also moves when the answer ends, which may come after the
   * rating). A rating from a build older than V13 has no {@code rated_at} (a rolling update): its
   * {@code updated_at} stands in, as before.
   */
  @Override
  public List<AppFeedback> listFeedbacks(AppId appId, int page, int limit) {
    return scope.call(
        em ->
            em.createQuery(
                    "from MessageEntity m where m.appId = :app and m.feedbackRating is not null"
                        + " order by coalesce(m.ratedAt, m.updatedAt) desc, m.id desc",
                    MessageEntity.class)
                .setParameter("app", appId.value())
                .setFirstResult((page - 1) * limit)
                .setMaxResults(limit)
                .getResultStream()
                .map(
                    m ->
                        new AppFeedback(
                            new MessageId(m.id),
                            new ConversationId(m.conversationId),
                            new EndUserId(m.endUserId),
                            new Feedback(Rating.valueOf(m.feedbackRating), m.feedbackContent),
                            m.ratedAt != null ? m.ratedAt : m.updatedAt))
                .toList());
  }
}
