package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.persistence.DataSourceDecorator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What one chat costs the database, counted: statements and transactions of a steady chat (a known
 * end user, a new conversation, the app in the app cache). A regression guard: a change that adds a
 * statement to the hot path — each one a round trip while a connection is lent out — fails here,
 * and the budget in the assertion is the number {@code docs/benchmark.md} explains.
 */
class StatementsPerChatTest {
  private static final Set<String> BACKGROUND = Set.of("housekeeping", "readiness-probe");
  private static final Pattern PER_TTL =
      Pattern.compile("from (\\w+\\.)?(app|api_key|annotation\\w*)\\b", Pattern.CASE_INSENSITIVE);
  // The stop relay's poll (every 500 ms while runs exist) runs on a database worker, as a chat's
  // units do, so its thread's name cannot tell it apart: its table does.
  private static final Pattern STOP_RELAY =
      Pattern.compile("from (\\w+\\.)?stop_request\\b", Pattern.CASE_INSENSITIVE);
  static final int CHATS = 10;

  private ShortleaseServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** Shared with {@link StatementsPerChatOnPostgresTest}: the server it starts is closed after. */
  static Counts measureAndClose(Map<String, String> env) {
    StatementsPerChatTest counter = new StatementsPerChatTest();
    try {
      return counter.measure(env);
    } finally {
      counter.stop();
    }
  }

  @Test
  @DisplayName("a steady chat costs two transactions and at most five statements (H2)")
  void steadyChatStatementBudget() {
    Counts counts = measure(PoolProtectionTest.env(STEADY));

    // T2: the end user with the clock, the conversation, the message; T4: the message, then the
    // conversation's updated_at.
    assertThat(counts.commits()).as("transactions; %s", counts).isEqualTo(2 * CHATS);
    assertThat(counts.statements().size())
        .as("statements; %s", counts)
        .isLessThanOrEqualTo(5 * CHATS);
  }

  static final Map<String, String> STEADY =
      Map.of("APP_CACHE_TTL_MS", "10000", "INSTANCE_LEASE_SECONDS", "3600");

  /** Statements and commits of {@link #CHATS} steady chats; what one chat ran, in {@code seen}. */
  record Counts(List<String> statements, int commits) {
    @Override
    public String toString() {
      return "seen:\n" + String.join("\n", new LinkedHashSet<>(statements));
    }
  }

  /** Runs {@link #CHATS} steady chats on a service started with {@code env}, counting. */
  Counts measure(Map<String, String> env) {
    ConcurrentLinkedQueue<String> statements = new ConcurrentLinkedQueue<>();
    AtomicInteger commits = new AtomicInteger();
    server =
        ShortleaseServer.startDecorated(
            Settings.fromEnvironment(env), counting(statements, commits));
    Api api = new Api(server);
    Api.AppKey app = api.createApp("chat");
    chat(api, app); // the first one also creates the end user and reads the app into the cache
    statements.clear();
    commits.set(0);

    for (int i = 0; i < CHATS; i++) {
      chat(api, app);
    }
    return new Counts(List.copyOf(statements), commits.get());
  }

  private static void chat(Api api, Api.AppKey app) {
    Api.Reply reply =
        api.post("/v1/chat-messages", app.key(), Api.chat("steady-user", "hi", "blocking", null));
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
  }

  /**
   * Statements and commits of the request and chat threads. Not a chat's: housekeeping's, the stop
   * relay's poll, and the reads that refill the app cache once per {@code APP_CACHE_TTL_MS} (app,
   * key, annotation settings), should the test outlast it on a slow machine.
   */
  private static DataSourceDecorator counting(
      ConcurrentLinkedQueue<String> statements, AtomicInteger commits) {
    ThreadLocal<Boolean> chatWork = ThreadLocal.withInitial(() -> false);
    return dataSource ->
        ProxyDataSourceBuilder.create(dataSource)
            .afterQuery(
                (execution, queries) -> {
                  if (BACKGROUND.contains(Thread.currentThread().getName())) {
                    return;
                  }
                  queries.stream()
                      .map(query -> query.getQuery())
                      .filter(sql -> !PER_TTL.matcher(sql).find())
                      .filter(sql -> !STOP_RELAY.matcher(sql).find())
                      .forEach(
                          sql -> {
                            statements.add(sql);
                            chatWork.set(true);
                          });
                })
            .methodListener(
                new MethodExecutionListener() {
                  @Override
                  public void beforeMethod(MethodExecutionContext context) {}

                  @Override
                  public void afterMethod(MethodExecutionContext context) {
                    String method = context.getMethod().getName();
                    if (method.equals("commit") && chatWork.get()) {
                      commits.incrementAndGet();
                    }
                    // A borrow starts afresh too: an autocommit chat statement ends with no
                    // commit, and a cache refill's commit on the same worker is not the chat's.
                    if (method.equals("commit")
                        || method.equals("rollback")
                        || method.equals("getConnection")) {
                      chatWork.set(false);
                    }
                  }
                })
            .build();
  }
}
