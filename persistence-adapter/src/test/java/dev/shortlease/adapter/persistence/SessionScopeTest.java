package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.adapter.persistence.testing.H2TestDatabase;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.NewApp;
import dev.shortlease.domain.StorageUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SessionScopeTest {

  private record Holder(Object value) {}

  /** Only value types; its accessor throws, so a walk of it would fail. */
  private record Ids(String name, UUID id, long count, AppMode mode) {
    @Override
    public String name() {
      throw new AssertionError("walked");
    }
  }

  /** An interface-typed component: walked, and its accessor throws. */
  private record Tagged(Ids ids, List<String> tags) {
    @Override
    public List<String> tags() {
      throw new AssertionError("walked");
    }
  }

  private record ValuesOnly(Ids ids, java.time.Instant at) {}

  /** Contains itself: cannot be proven free of managed state by its types. */
  private record Chain(String label, Chain next) {
    @Override
    public String label() {
      throw new AssertionError("walked");
    }
  }

  @Test
  @DisplayName(
      "a record whose component types cannot hold managed state is not walked; any other record is")
  void recordsOfValuesAreNotWalked() {
    Ids ids = new Ids("a", UUID.randomUUID(), 1, AppMode.CHAT);
    assertThat(SessionScope.requireDetached(ids, 0)).isSameAs(ids);
    ValuesOnly values = new ValuesOnly(ids, java.time.Instant.now());
    assertThat(SessionScope.requireDetached(List.of(values), 0)).containsExactly(values);

    assertThatThrownBy(() -> SessionScope.requireDetached(new Tagged(ids, List.of()), 0))
        .as("an interface component: walked")
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot inspect");
    assertThatThrownBy(() -> SessionScope.requireDetached(new Chain("x", null), 0))
        .as("a record that contains itself: walked")
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot inspect");
    assertThatThrownBy(() -> SessionScope.requireDetached(new Holder(new AppEntity()), 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AppEntity");
  }

  /** An array component that may hold anything: walked. */
  private record Row(Object[] cells) {}

  private record Apps(AppEntity[] apps) {}

  /** Primitive and final-value arrays cannot hold managed state: not walked. */
  private record Numbers(int[] values, String[] names) {
    @Override
    public int[] values() {
      throw new AssertionError("walked");
    }
  }

  @Test
  @DisplayName(
      "arrays of reference types are walked, alone or as a record's component; primitive and"
          + " value arrays are not")
  void arraysAreWalked() {
    AppEntity entity = new AppEntity();

    assertThatThrownBy(() -> SessionScope.requireDetached(new Object[] {"plain", entity}, 0))
        .as("an entity inside an Object[]")
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AppEntity");
    assertThatThrownBy(() -> SessionScope.requireDetached(new AppEntity[] {entity}, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AppEntity");
    assertThatThrownBy(
            () -> SessionScope.requireDetached(List.of(new Object[] {1, new Object[] {entity}}), 0))
        .as("a query's rows (List<Object[]>), an array nested in one")
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AppEntity");
    assertThatThrownBy(() -> SessionScope.requireDetached(new Row(new Object[] {entity}), 0))
        .as("an entity inside a record's Object[] component")
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AppEntity");
    assertThatThrownBy(() -> SessionScope.requireDetached(new Apps(new AppEntity[] {entity}), 0))
        .as("an entity inside a record's entity-array component")
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AppEntity");

    Object[] plain = {"a", 1, UUID.randomUUID(), new String[] {"b"}, null};
    assertThat(SessionScope.requireDetached(plain, 0)).isSameAs(plain);
    Numbers numbers = new Numbers(new int[] {1}, new String[] {"c"});
    assertThat(SessionScope.requireDetached(numbers, 0)).as("not walked").isSameAs(numbers);
  }

  @Test
  @DisplayName(
      "returning a managed entity, alone or inside a collection, optional, map, array or record, fails and rolls back")
  void rejectsManagedEntities() {
    PersistenceContext context = SharedContexts.h2();
    SessionScope scope = context.sessionScope();
    var id =
        context.apps().createApp(new NewApp("scope", null, AppMode.CHAT, null, null, null, null));

    assertThatThrownBy(() -> scope.call(em -> em.find(AppEntity.class, id.value())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AppEntity");
    assertThatThrownBy(() -> scope.call(em -> Optional.of(em.find(AppEntity.class, id.value()))))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> scope.call(em -> List.of(em.find(AppEntity.class, id.value()))))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> scope.call(em -> Map.of("k", em.find(AppEntity.class, id.value()))))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                scope.call(
                    em -> List.<Object[]>of(new Object[] {em.find(AppEntity.class, id.value())})))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () -> scope.call(em -> new Holder(em.getReference(AppEntity.class, id.value()))))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> scope.call(em -> em)).isInstanceOf(IllegalStateException.class);

    UUID unsaved = UUID.randomUUID();
    assertThatThrownBy(
            () ->
                scope.call(
                    em -> {
                      AppEntity entity = new AppEntity();
                      EntityMappers.fill(entity, context.apps().findApp(id).orElseThrow());
                      entity.id = unsaved;
                      em.persist(entity);
                      em.flush();
                      return entity;
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(context.apps().findApp(new dev.shortlease.domain.AppId(unsaved)))
        .as("rolled back")
        .isEmpty();
    List<Object> plain = scope.call(em -> List.<Object>of("plain", 1, Optional.empty()));
    assertThat(plain).hasSize(3);
  }

  @Test
  @DisplayName("a stateless session's entities and the session itself are refused the same way")
  void statelessRejectsEntitiesAndSessions() {
    PersistenceContext context = SharedContexts.h2();
    SessionScope scope = context.sessionScope();
    var id =
        context
            .apps()
            .createApp(new NewApp("stateless", null, AppMode.CHAT, null, null, null, null));

    assertThatThrownBy(() -> scope.callStateless(s -> s.get(AppEntity.class, id.value())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AppEntity");
    assertThatThrownBy(() -> scope.callStateless(s -> new Holder(s)))
        .isInstanceOf(IllegalStateException.class);
    Holder plain = scope.callStateless(s -> new Holder("plain"));
    assertThat(plain.value()).isEqualTo("plain");
  }

  @Test
  @DisplayName(
      "no connection in time (the pool's one worker busy) surfaces as StorageUnavailableException,"
          + " counted as a pool timeout")
  void acquireTimeoutIsStorageUnavailable() throws Exception {
    var settings = H2TestDatabase.newDatabase().withPoolSize(1).withConnectionTimeoutMillis(250);
    try (PersistenceContext context =
        PersistenceContext.start(settings, new SimpleMeterRegistry())) {
      CountDownLatch holding = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<Object> holder =
          CompletableFuture.supplyAsync(
              () ->
                  context
                      .sessionScope()
                      .call(
                          em -> {
                            em.createNativeQuery("select 1").getSingleResult();
                            holding.countDown();
                            await(release);
                            return "done";
                          }));
      assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
      try {
        assertThatThrownBy(() -> context.apps().listApps())
            .isInstanceOf(StorageUnavailableException.class);
        assertThat(context.poolMonitor().snapshot().timeouts()).isEqualTo(1);
      } finally {
        release.countDown();
      }
      assertThat(holder.get(5, TimeUnit.SECONDS)).isEqualTo("done");
      assertThat(context.apps().listApps()).isEmpty();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
