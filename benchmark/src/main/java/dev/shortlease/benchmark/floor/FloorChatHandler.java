package dev.shortlease.benchmark.floor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortlease.domain.ApiKeyHash;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The floor's one handler: {@code POST /v1/chat-messages}, streaming, as the service answers the
 * benchmark — authenticate the app key (cached for two seconds, as the service's app cache; one
 * request re-reads an expired entry while the others use it), T2 (end user, conversation, running
 * message) in one statement (a first turn: one short transaction), the simulated model on the
 * request's virtual thread with no connection held (time to first token, then the answer's tokens
 * at the given rate), {@code message} events then {@code message_end}, T4 (the answer saved, the
 * conversation touched) in a second statement. Plain JDBC, no layers.
 */
final class FloorChatHandler {

  // As the service's mappers: buffers from a shared pool, not per (virtual, short-lived) thread.
  private static final ObjectMapper JSON =
      new ObjectMapper(
          JsonFactory.builder().recyclerPool(JsonRecyclerPools.newBoundedPool(64)).build());
  private static final long APP_CACHE_NANOS = TimeUnit.SECONDS.toNanos(2);
  private static final List<String> WORDS =
      List.of("A", " short", " lease", " keeps", " a", " connection", " for", " milliseconds");

  /** A key's app until {@code expiresAt}; {@code refreshing} lets one request re-read it. */
  private record CachedApp(UUID appId, long expiresAt, AtomicBoolean refreshing) {}

  private final FloorPool pool;
  private final long ttftNanos;
  private final long nanosPerToken;
  private final int tokens;
  private final Map<String, CachedApp> apps = new ConcurrentHashMap<>();

  FloorChatHandler(FloorPool pool, Duration ttft, double tokensPerSecond, int tokens) {
    this.pool = pool;
    this.ttftNanos = ttft.toNanos();
    this.nanosPerToken = (long) (1e9 / tokensPerSecond);
    this.tokens = tokens;
  }

  void chat(Context ctx) throws Exception {
    long start = System.nanoTime();
    JsonNode body = JSON.readTree(ctx.bodyAsBytes());
    String query = body.path("query").asText("");
    String user = body.path("user").asText("");
    if (query.isBlank() || user.isBlank()) {
      error(ctx, 400, "invalid_param", "query and user are required");
      return;
    }
    try {
      UUID appId = authenticate(ctx.header("Authorization"));
      if (appId == null) {
        error(ctx, 401, "unauthorized", "Access token is invalid");
        return;
      }
      Turn turn = startTurn(appId, user, query);
      stream(ctx, turn, start);
    } catch (SQLTransientConnectionException poolTimeout) {
      error(ctx, 503, "service_unavailable", "No database connection free in time.");
    }
  }

  private record Turn(
      UUID appId, UUID userId, UUID conversationId, UUID messageId, long createdAt) {}

  private UUID authenticate(String authorization) throws SQLException {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return null;
    }
    String hash = ApiKeyHash.of(authorization.substring(7).trim()).hex();
    CachedApp cached = apps.get(hash);
    if (cached != null
        && (cached.expiresAt() - System.nanoTime() > 0
            || !cached.refreshing().compareAndSet(false, true))) {
      // Fresh, or another request is re-reading it: no burst of lookups at every expiry.
      return cached.appId();
    }
    UUID appId;
    try {
      appId = pool.use(c -> lookUp(c, hash));
    } catch (SQLException | RuntimeException e) {
      if (cached != null) {
        cached.refreshing().set(false); // the next request tries again
      }
      throw e;
    }
    if (appId != null) {
      apps.put(
          hash, new CachedApp(appId, System.nanoTime() + APP_CACHE_NANOS, new AtomicBoolean()));
    } else {
      apps.remove(hash);
    }
    return appId;
  }

  /** The key's app, if it serves. */
  private static UUID lookUp(Connection c, String hash) throws SQLException {
    UUID appId = null;
    try (PreparedStatement s =
        c.prepareStatement(
            "select a.id from api_key k join app a on a.id = k.app_id where k.hash = ?"
                + " and k.revoked_at is null and a.status = 'NORMAL' and a.api_enabled")) {
      s.setString(1, hash);
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next()) {
          appId = rs.getObject(1, UUID.class);
        }
      }
    }
    c.commit();
    return appId;
  }

  /**
   * T2: the end user (created on first sight), a new conversation and the running message. A known
   * user's turn is one statement in autocommit (one round trip), as the service's on PostgreSQL.
   */
  private Turn startTurn(UUID appId, String user, String query) throws SQLException {
    UUID conversationId = UUID.randomUUID();
    UUID messageId = UUID.randomUUID();
    return pool.use(c -> startTurn(c, appId, user, query, conversationId, messageId));
  }

  /** T2 on {@code c}. */
  private static Turn startTurn(
      Connection c, UUID appId, String user, String query, UUID conversationId, UUID messageId)
      throws SQLException {
    c.setAutoCommit(true);
    try (PreparedStatement s =
        c.prepareStatement(
            "with u as (select id from end_user where app_id = ? and external_id = ?),"
                + " c as (insert into conversation (id, app_id, end_user_id, status)"
                + " select ?, ?, u.id, 'NORMAL' from u),"
                + " m as (insert into message (id, conversation_id, app_id, end_user_id, query,"
                + " status) select ?, ?, ?, u.id, ?, 'RUNNING' from u"
                + " returning end_user_id, created_at)"
                + " select end_user_id, created_at from m")) {
      s.setObject(1, appId);
      s.setString(2, user);
      s.setObject(3, conversationId);
      s.setObject(4, appId);
      s.setObject(5, messageId);
      s.setObject(6, conversationId);
      s.setObject(7, appId);
      s.setString(8, query);
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next()) {
          return new Turn(
              appId,
              rs.getObject(1, UUID.class),
              conversationId,
              messageId,
              rs.getObject(2, OffsetDateTime.class).toEpochSecond());
        }
      }
    } finally {
      c.setAutoCommit(false);
    }
    return firstTurn(c, appId, user, query, conversationId, messageId);
  }

  /** A user's first turn: the user created, then the conversation and message, in a transaction. */
  private static Turn firstTurn(
      Connection c, UUID appId, String user, String query, UUID conversationId, UUID messageId)
      throws SQLException {
    try {
      try (PreparedStatement s =
          c.prepareStatement(
              "insert into end_user (id, app_id, external_id) values (?, ?, ?)"
                  + " on conflict do nothing")) {
        s.setObject(1, UUID.randomUUID());
        s.setObject(2, appId);
        s.setString(3, user);
        s.executeUpdate();
      }
      UUID userId = endUser(c, appId, user);
      try (PreparedStatement s =
          c.prepareStatement(
              "insert into conversation (id, app_id, end_user_id, status)"
                  + " values (?, ?, ?, 'NORMAL')")) {
        s.setObject(1, conversationId);
        s.setObject(2, appId);
        s.setObject(3, userId);
        s.executeUpdate();
      }
      long createdAt;
      try (PreparedStatement s =
          c.prepareStatement(
              "insert into message (id, conversation_id, app_id, end_user_id, query, status)"
                  + " values (?, ?, ?, ?, ?, 'RUNNING') returning created_at")) {
        s.setObject(1, messageId);
        s.setObject(2, conversationId);
        s.setObject(3, appId);
        s.setObject(4, userId);
        s.setString(5, query);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          createdAt = rs.getObject(1, OffsetDateTime.class).toEpochSecond();
        }
      }
      c.commit();
      return new Turn(appId, userId, conversationId, messageId, createdAt);
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    }
  }

  private static UUID endUser(Connection c, UUID appId, String user) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("select id from end_user where app_id = ? and external_id = ?")) {
      s.setObject(1, appId);
      s.setString(2, user);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getObject(1, UUID.class) : null;
      }
    }
  }

  /**
   * The simulated model's tokens as {@code message} events, then T4, then {@code message_end}. A
   * client gone mid-stream ends the message as stopped with the text it got so far.
   */
  private void stream(Context ctx, Turn turn, long start) throws Exception {
    HttpServletResponse res = ctx.res();
    res.setStatus(200);
    res.setContentType("text/event-stream; charset=utf-8");
    res.setHeader("Cache-Control", "no-cache");
    OutputStream out = res.getOutputStream();
    StringBuilder answer = new StringBuilder();
    String taskId = UUID.randomUUID().toString();
    try {
      out.flush();
      long modelStart = System.nanoTime();
      for (int i = 0; i < tokens; i++) {
        sleepUntil(modelStart + ttftNanos + i * nanosPerToken);
        String token = WORDS.get(i % WORDS.size());
        answer.append(token);
        Map<String, Object> event = common("message", taskId, turn);
        event.put("answer", token);
        send(out, event);
      }
      sleepUntil(modelStart + ttftNanos + tokens * nanosPerToken);
    } catch (IOException clientGone) {
      finish(turn, "STOPPED", answer.toString(), System.nanoTime() - start);
      return;
    }
    long latency = System.nanoTime() - start;
    try {
      finish(turn, "NORMAL", answer.toString(), latency);
    } catch (SQLException saveFailed) {
      // No retries here (the service has them): the client learns the answer was not saved.
      Map<String, Object> error = common("error", taskId, turn);
      boolean poolTimeout = saveFailed instanceof SQLTransientConnectionException;
      error.put("status", poolTimeout ? 503 : 500);
      error.put("code", poolTimeout ? "service_unavailable" : "internal_server_error");
      error.put("message", "The answer could not be saved.");
      send(out, error);
      return;
    }
    Map<String, Object> end = common("message_end", taskId, turn);
    end.put("metadata", Map.of("usage", usage(latency), "retriever_resources", List.of()));
    end.put("files", List.of());
    try {
      send(out, end);
    } catch (IOException clientGone) {
      // saved already; nothing left to tell
    }
  }

  /**
   * T4: the answer saved and the conversation moved to the top of its list, in one statement in
   * autocommit (one round trip), as the service's on PostgreSQL.
   */
  private void finish(Turn turn, String status, String answer, long latencyNanos)
      throws SQLException {
    pool.use(
        c -> {
          finish(c, turn, status, answer, latencyNanos);
          return null;
        });
  }

  /** T4 on {@code c}. */
  private void finish(Connection c, Turn turn, String status, String answer, long latencyNanos)
      throws SQLException {
    c.setAutoCommit(true);
    try (PreparedStatement s =
        c.prepareStatement(
            "with m as (update message set status = ?, answer = ?, completion_tokens = ?,"
                + " latency_nanos = ?, updated_at = current_timestamp"
                + " where id = ? and app_id = ? and end_user_id = ? and status = 'RUNNING'"
                + " returning conversation_id)"
                + " update conversation set updated_at = current_timestamp"
                + " where id in (select conversation_id from m)")) {
      s.setString(1, status);
      s.setString(2, answer);
      s.setInt(3, tokens);
      s.setLong(4, latencyNanos);
      s.setObject(5, turn.messageId());
      s.setObject(6, turn.appId());
      s.setObject(7, turn.userId());
      s.executeUpdate();
    } finally {
      c.setAutoCommit(false);
    }
  }

  private Map<String, Object> usage(long latencyNanos) {
    Map<String, Object> usage = new LinkedHashMap<>();
    usage.put("prompt_tokens", 0);
    usage.put("completion_tokens", tokens);
    usage.put("total_tokens", tokens);
    usage.put("currency", "USD");
    usage.put("latency", latencyNanos / 1e9);
    return usage;
  }

  private static Map<String, Object> common(String name, String taskId, Turn turn) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("event", name);
    e.put("task_id", taskId);
    e.put("id", turn.messageId().toString());
    e.put("message_id", turn.messageId().toString());
    e.put("conversation_id", turn.conversationId().toString());
    e.put("created_at", turn.createdAt());
    return e;
  }

  private static void send(OutputStream out, Map<String, Object> event) throws IOException {
    out.write(
        ("data: " + JSON.writeValueAsString(event) + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static void error(Context ctx, int status, String code, String message) {
    ctx.status(status).json(Map.of("status", status, "code", code, "message", message));
  }

  private static void sleepUntil(long nanoTime) throws IOException {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
  }
}
