package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.port.InstanceLeasePort;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Persistence adapter: this instance's lease in {@code service_instance}, and the recovery of
 * messages whose instance's lease ran out. "Now" is always the database's {@code current_timestamp}
 * (read once per transaction, so the arithmetic stays portable between PostgreSQL and H2):
 * instances with skewed clocks still agree on who is dead.
 */
final class InstanceLeaseAdapter implements InstanceLeasePort {
  /** Rows of instances dead this long are deleted; their messages were recovered long ago. */
  private static final Duration FORGET_AFTER = Duration.ofDays(1);

  private final SessionScope scope;
  private final UUID self;

  InstanceLeaseAdapter(SessionScope scope, UUID self) {
    this.scope = scope;
    this.self = self;
  }

  @Override
  public void renew(Duration lease) {
    scope.runReserved(
        em -> {
          Instant until = databaseNow(em).plus(lease);
          int updated =
              em.createNativeQuery(
                      "update {h-schema}service_instance set lease_until = :until where id = :id")
                  .setParameter("until", until)
                  .setParameter("id", self)
                  .executeUpdate();
          if (updated == 0) {
            em.createNativeQuery(
                    "insert into {h-schema}service_instance (id, lease_until) values (:id, :until)")
                .setParameter("id", self)
                .setParameter("until", until)
                .executeUpdate();
          }
        });
  }

  @Override
  public int failRunsOfDeadInstances(String error) {
    return scope.callReserved(
        em -> {
          Instant now = databaseNow(em);
          int ended =
              em.createNativeQuery(
                      "update {h-schema}message set status = 'ERROR', error = :error,"
                          + " updated_at = :now"
                          + " where status = 'RUNNING' and instance_id is not null"
                          + " and instance_id <> :self and instance_id not in"
                          + " (select id from {h-schema}service_instance where lease_until >= :now)")
                  .setParameter("error", error)
                  .setParameter("now", now)
                  .setParameter("self", self)
                  .executeUpdate();
          em.createNativeQuery("delete from {h-schema}service_instance where lease_until < :before")
              .setParameter("before", now.minus(FORGET_AFTER))
              .executeUpdate();
          return ended;
        });
  }

  /**
   * Two statements: the own running messages past the age (few: only answers longer than it), then
   * those without a run ended by ID, still only if running. The age is the database's.
   */
  @Override
  public int failOwnRunsWithout(Set<MessageId> running, Duration olderThan, String error) {
    return scope.callReserved(
        em -> {
          List<UUID> orphans =
              em
                  .createQuery(
                      "select m.id from MessageEntity m where m.status = 'RUNNING'"
                          + " and m.instanceId = :self"
                          + " and m.createdAt < instant - :ageNanos nanosecond",
                      UUID.class)
                  .setParameter("self", self)
                  .setParameter("ageNanos", olderThan.toNanos())
                  .getResultList()
                  .stream()
                  .filter(id -> !running.contains(new MessageId(id)))
                  .toList();
          if (orphans.isEmpty()) {
            return 0;
          }
          return em.createQuery(
                  "update MessageEntity m set m.status = 'ERROR', m.error = :error,"
                      + " m.updatedAt = instant where m.id in :ids and m.status = 'RUNNING'")
              .setParameter("error", error)
              .setParameter("ids", orphans)
              .executeUpdate();
        });
  }

  @Override
  public void release() {
    scope.runReserved(
        em ->
            em.createNativeQuery(
                    "update {h-schema}service_instance set lease_until = current_timestamp"
                        + " where id = :id")
                .setParameter("id", self)
                .executeUpdate());
  }

  private static Instant databaseNow(jakarta.persistence.EntityManager em) {
    return em.createQuery("select instant", Instant.class).getSingleResult();
  }
}
