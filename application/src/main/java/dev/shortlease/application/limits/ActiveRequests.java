package dev.shortlease.application.limits;

import dev.shortlease.application.LimitSettings;
import dev.shortlease.application.port.in.ActiveRequestLimitException;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The chats (and {@code /suggested} calls) running in this process, counted per app and per end
 * user against their limits, as Dify's {@code max_active_requests}: a request over a limit is
 * refused at once with 429 before anything is saved. A request holds its {@link Slot} until its run
 * has ended — normally, stopped, disconnected, failed or timed out — so every ending frees it; a
 * crash frees them all with the process. The counts are per instance (docs/limits.md).
 */
@Singleton
public final class ActiveRequests {
  private final LimitSettings settings;
  private final Map<AppId, Integer> perApp = new ConcurrentHashMap<>();
  private final Map<UserKey, Integer> perUser = new ConcurrentHashMap<>();

  private record UserKey(AppId app, String user) {}

  /** A place taken in both counts; {@link #close()} gives it back, once. */
  public final class Slot implements AutoCloseable {
    private final AppId app;
    private final UserKey user;
    private final AtomicBoolean open = new AtomicBoolean(true);

    private Slot(AppId app, UserKey user) {
      this.app = app;
      this.user = user;
    }

    @Override
    public void close() {
      if (open.compareAndSet(true, false)) {
        decrement(perUser, user);
        decrement(perApp, app);
      }
    }
  }

  @Inject
  public ActiveRequests(LimitSettings settings) {
    this.settings = settings;
  }

  /**
   * Takes a place for one request of {@code user} of {@code app}; {@link
   * ActiveRequestLimitException} when the app or the user is at its limit.
   */
  public Slot enter(App app, String user) {
    int appLimit =
        app.maxActiveRequests() == null ? settings.appMaxActiveRequests() : app.maxActiveRequests();
    increment(
        perApp,
        app.id(),
        appLimit,
        "Too many requests. Please try again later. The current maximum concurrent requests"
            + " allowed is "
            + appLimit
            + ".");
    UserKey key = new UserKey(app.id(), user);
    try {
      increment(
          perUser,
          key,
          settings.endUserMaxActiveRequests(),
          "Too many requests. Please try again later. The current maximum concurrent requests"
              + " allowed per end user is "
              + settings.endUserMaxActiveRequests()
              + ".");
    } catch (RuntimeException e) {
      decrement(perApp, app.id());
      throw e;
    }
    return new Slot(app.id(), key);
  }

  /** Requests of {@code app} running now (tests, metrics). */
  public int running(AppId app) {
    return perApp.getOrDefault(app, 0);
  }

  private static <K> void increment(Map<K, Integer> counts, K key, int limit, String refusal) {
    counts.compute(
        key,
        (k, running) -> {
          int now = running == null ? 0 : running;
          if (limit > 0 && now >= limit) {
            throw new ActiveRequestLimitException(refusal);
          }
          return now + 1;
        });
  }

  /** Removes the entry at zero, so the maps hold only apps and users with running requests. */
  private static <K> void decrement(Map<K, Integer> counts, K key) {
    counts.computeIfPresent(key, (k, running) -> running <= 1 ? null : running - 1);
  }
}
