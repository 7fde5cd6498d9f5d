package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.domain.ApiKeyHash;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.AppUpdate;
import dev.shortlease.domain.Feedback;
import dev.shortlease.domain.HistoryWindow;
import dev.shortlease.domain.MessageOutcome;
import dev.shortlease.domain.NewApp;
import dev.shortlease.domain.NewTurn;
import dev.shortlease.domain.Rating;
import dev.shortlease.domain.StartedTurn;
import dev.shortlease.domain.StopRequest;
import dev.shortlease.domain.TaskId;
import dev.shortlease.domain.ToolInput;
import dev.shortlease.domain.port.ConversationSort;
import dev.shortlease.domain.port.StopRequestsPort;
import dev.shortlease.domain.port.contract.PortSet;
import jakarta.persistence.Entity;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * After every port call the pool is idle (no active connection, none held by the calling thread),
 * and nothing returned is, or contains, an object Hibernate manages (rules R1 and R3).
 */
@PostgresTest
class ConnectionHygieneTest {

  private final Set<String> called = ConcurrentHashMap.newKeySet();

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"h2", "postgres"})
  @DisplayName("every port method returns with an idle pool and only plain values")
  void everyPortCallLeavesPoolIdle(String database) {
    PersistenceContext context =
        database.equals("h2") ? SharedContexts.h2() : SharedContexts.postgres();
    PortSet p = checked(SharedContexts.ports(context), context);

    var app =
        p.apps().createApp(new NewApp("hygiene", null, AppMode.AGENT_CHAT, null, null, null, null));
    p.apps().findApp(app);
    p.apps().listApps();
    p.apps().updateApp(app, new AppUpdate(null, "d", null, null, null, null, null, null));
    ApiKeyHash hash = ApiKeyHash.of(UUID.randomUUID().toString());
    var key = p.apiKeys().addKey(app, hash, "app-h");
    p.apiKeys().listKeys(app);
    p.apiKeys().findAppIdByKey(hash);
    p.apiKeys().revokeKey(app, key);
    StartedTurn turn = p.startTurn().startTurn(new NewTurn(app, "hygiene-user", null, "q", null));
    p.endUsers().findEndUser(app, "hygiene-user");
    var thought =
        p.thoughts()
            .addThought(
                turn.owner(),
                turn.messageId(),
                1,
                "t",
                "tool",
                new ToolInput(Map.of("tool", Map.of())),
                null);
    p.thoughts().recordObservation(turn.owner(), thought, Map.of("tool", "obs"));
    p.history()
        .loadHistory(turn.owner(), turn.conversationId(), turn.messageId(), HistoryWindow.DEFAULT);
    p.finish()
        .finishMessage(turn.owner(), turn.messageId(), MessageOutcome.completed("a", null, null));
    p.finish().failAbandoned(Instant.EPOCH, "never");
    p.conversations().listConversations(turn.owner(), null, 10, ConversationSort.UPDATED_DESC);
    p.conversations().findConversation(turn.owner(), turn.conversationId());
    p.conversations().renameConversation(turn.owner(), turn.conversationId(), "n");
    p.conversations().nameIfUnnamed(turn.owner(), turn.conversationId(), "m");
    p.conversations().statsFor(turn.owner());
    p.messages().listMessages(turn.owner(), turn.conversationId(), null, 10);
    p.messages().findMessage(turn.owner(), turn.messageId());
    p.messages().setFeedback(turn.owner(), turn.messageId(), new Feedback(Rating.LIKE, null));
    p.conversations().deleteConversation(turn.owner(), turn.conversationId());
    StopRequestsPort stops =
        (StopRequestsPort) wrap(StopRequestsPort.class, context.stopRequests(), context);
    stops.requestStop(new StopRequest(app, "hygiene-user", TaskId.random()));
    stops.stopRequestsSince(Instant.EPOCH);
    stops.forgetStopRequestsBefore(Instant.EPOCH);

    Set<String> all =
        Stream.concat(
                Arrays.stream(PortSet.class.getRecordComponents()).map(RecordComponent::getType),
                Stream.of(StopRequestsPort.class))
            .flatMap(
                port ->
                    Arrays.stream(port.getDeclaredMethods())
                        .map(m -> port.getSimpleName() + "." + m.getName()))
            .collect(Collectors.toSet());
    assertThat(called).containsExactlyInAnyOrderElementsOf(all);
  }

  private PortSet checked(PortSet ports, PersistenceContext context) {
    Object[] wrapped =
        Arrays.stream(PortSet.class.getRecordComponents())
            .map(c -> wrap(c.getType(), invoke(c.getAccessor(), ports), context))
            .toArray();
    try {
      return (PortSet) PortSet.class.getDeclaredConstructors()[0].newInstance(wrapped);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private Object wrap(Class<?> port, Object target, PersistenceContext context) {
    return Proxy.newProxyInstance(
        port.getClassLoader(),
        new Class<?>[] {port},
        (proxy, method, args) -> {
          Object result;
          try {
            result = method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          String name = port.getSimpleName() + "." + method.getName();
          called.add(name);
          assertThat(context.poolMonitor().snapshot().active()).as("active after " + name).isZero();
          assertThat(context.tracker().heldByCurrentThread()).as("held after " + name).isZero();
          assertPlain(result, name);
          return result;
        });
  }

  /** Only java.* values and our domain records: no entity, proxy or Hibernate collection. */
  private static void assertPlain(Object value, String where) {
    if (value == null) {
      return;
    }
    Class<?> type = value.getClass();
    assertThat(type.isAnnotationPresent(Entity.class)).as(where + " returned an entity").isFalse();
    assertThat(type.getName())
        .as(where + " returned " + type.getName())
        .doesNotStartWith("org.hibernate")
        .doesNotStartWith("dev.shortlease.adapter");
    Stream<?> children =
        switch (value) {
          case Collection<?> c -> c.stream();
          case Map<?, ?> m -> Stream.concat(m.keySet().stream(), m.values().stream());
          case Optional<?> o -> o.stream();
          case Record r ->
              Arrays.stream(r.getClass().getRecordComponents())
                  .map(c -> invoke(c.getAccessor(), r));
          default -> Stream.empty();
        };
    children.forEach(child -> assertPlain(child, where));
  }

  private static Object invoke(Method accessor, Object target) {
    try {
      accessor.setAccessible(true);
      return accessor.invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
