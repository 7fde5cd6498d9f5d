package dev.shortlease.adapter.persistence;

import com.github.benmanes.caffeine.cache.Ticker;
import com.zaxxer.hikari.HikariDataSource;
import dev.shortlease.application.port.out.PoolMonitorPort;
import dev.shortlease.domain.port.AgentThoughtsPort;
import dev.shortlease.domain.port.AnnotationIndexPort;
import dev.shortlease.domain.port.AnnotationJobsPort;
import dev.shortlease.domain.port.AnnotationsPort;
import dev.shortlease.domain.port.ApiKeysPort;
import dev.shortlease.domain.port.AppFeedbacksPort;
import dev.shortlease.domain.port.AppSetupPort;
import dev.shortlease.domain.port.AppsPort;
import dev.shortlease.domain.port.ChatHistoryPort;
import dev.shortlease.domain.port.ConversationVariablesPort;
import dev.shortlease.domain.port.ConversationsPort;
import dev.shortlease.domain.port.EndUsersPort;
import dev.shortlease.domain.port.FinishMessagePort;
import dev.shortlease.domain.port.InstanceLeasePort;
import dev.shortlease.domain.port.MessagesPort;
import dev.shortlease.domain.port.StartTurnPort;
import dev.shortlease.domain.port.StopRequestsPort;
import dev.shortlease.guardrails.guard.ConnectionTracker;
import dev.shortlease.guardrails.guard.LongHoldSweep;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Persistence adapter's lifecycle: starts HikariCP ({@link PoolConfig}), wraps it in the {@link
 * ConnectionTracker} ({@link PoolTracking}), migrates with Flyway ({@link SchemaMigration}),
 * bootstraps Hibernate ({@link HibernateBootstrap}), starts the tracker's {@link LongHoldSweep},
 * and exposes every port implementation. {@link #close()} stops the sweep and shuts Hibernate and
 * the pool down; a start that fails closes what it had opened (newest first) before it throws.
 */
public final class PersistenceContext implements AutoCloseable {
  private final HikariDataSource pool;
  private final DataSource dataSource;
  private final ConnectionTracker tracker;
  private final EntityManagerFactory factory;
  private final DatabaseWorkers workers;
  private final SessionScope scope;
  private final AppsPort apps;
  private final ApiKeysPort apiKeys;
  private final AppSetupPort appSetup;
  private final TurnStartAdapter turns;
  private final MessageLifecycleAdapter lifecycle;
  private final ConversationsAdapter conversations;
  private final MessagesAdapter messages;
  private final ConversationVariablesAdapter variables;
  private final StopRequestsAdapter stopRequests;
  private final InstanceLeaseAdapter instanceLease;
  private final AnnotationsAdapter annotations;
  private final AnnotationIndexAdapter annotationIndex;
  private final AnnotationJobsAdapter annotationJobs;
  private final UUID instanceId = UUID.randomUUID();
  private final HikariPoolMonitor monitor;
  private final LongHoldSweep longHolds; // null: off

  private PersistenceContext(
      PersistenceSettings settings, MeterRegistry registry, DataSourceDecorator decorator) {
    OpenedSoFar opened = new OpenedSoFar();
    try {
      HikariPoolMonitor.publishPercentiles(registry);
      pool = opened.add(new HikariDataSource(PoolConfig.of(settings, registry)));
      tracker = PoolTracking.trackerFor(pool, settings, registry);
      dataSource = tracker.wrap(PoolConfig.sessionFree(pool, settings));
      SchemaMigration.migrate(settings);
      factory = opened.add(HibernateBootstrap.start(decorator.decorate(dataSource), settings));
      workers =
          decorator.picksConnectionByCallingThread()
              ? DatabaseWorkers.callerThread()
              : opened.add(
                  DatabaseWorkers.start(
                      settings.poolSize(),
                      settings.reservedConnections(),
                      Duration.ofMillis(settings.connectionTimeoutMillis()),
                      tracker::propagate,
                      () -> HikariPoolMonitor.recordTimeout(registry, pool)));
      scope =
          new SessionScope(
              factory,
              workers,
              Database.of(settings.jdbcUrl(), settings.pooler().transactionPooling()));
      AppCatalogAdapter catalog = new AppCatalogAdapter(scope);
      if (settings.appCacheTtlMillis() > 0 || settings.unknownKeyCacheMillis() > 0) {
        // One decorator behind both ports: each cache exists once, beside the writes dropping it.
        CachingAppCatalog cached =
            new CachingAppCatalog(
                catalog,
                Duration.ofMillis(settings.appCacheTtlMillis()),
                Duration.ofMillis(settings.unknownKeyCacheMillis()),
                Ticker.systemTicker());
        cached.bindMetrics(registry);
        apps = cached;
        apiKeys = cached;
        appSetup = cached;
      } else {
        apps = catalog;
        apiKeys = catalog;
        appSetup = catalog;
      }
      turns = new TurnStartAdapter(scope, instanceId);
      lifecycle = new MessageLifecycleAdapter(scope);
      conversations = new ConversationsAdapter(scope);
      messages = new MessagesAdapter(scope);
      variables = new ConversationVariablesAdapter(scope);
      stopRequests = new StopRequestsAdapter(scope);
      instanceLease = new InstanceLeaseAdapter(scope, instanceId);
      annotations = new AnnotationsAdapter(scope);
      annotationIndex = new AnnotationIndexAdapter(scope);
      annotationJobs = new AnnotationJobsAdapter(scope);
      monitor = new HikariPoolMonitor(pool, dataSource, tracker, registry);
      longHolds =
          settings.leakDetectionThresholdMillis() > 0
              ? opened.add(
                  LongHoldSweep.start(
                      tracker, Duration.ofMillis(settings.leakDetectionThresholdMillis())))
              : null;
    } catch (RuntimeException | Error e) {
      opened.closeAfter(e);
      throw e;
    }
  }

  /**
   * The thread whose unit of work the current thread runs: itself, or — on one of the database
   * workers every unit of work runs on — the thread waiting for it (a request's, say).
   */
  public static Thread callingThread() {
    return DatabaseWorkers.callingThread();
  }

  /** Connects, migrates the schema and starts Hibernate; fails fast if the database is down. */
  public static PersistenceContext start(PersistenceSettings settings, MeterRegistry registry) {
    return start(settings, registry, DataSourceDecorator.NONE);
  }

  /** As {@link #start(PersistenceSettings, MeterRegistry)}, Hibernate's DataSource decorated. */
  public static PersistenceContext start(
      PersistenceSettings settings, MeterRegistry registry, DataSourceDecorator decorator) {
    return new PersistenceContext(
        Objects.requireNonNull(settings, "settings"),
        Objects.requireNonNull(registry, "registry"),
        Objects.requireNonNull(decorator, "decorator"));
  }

  /**
   * Apps and keys, behind the app cache unless both its TTLs are 0 (see {@link CachingAppCatalog}).
   */
  public AppsPort apps() {
    return apps;
  }

  public ApiKeysPort apiKeys() {
    return apiKeys;
  }

  /** App setup through the same app cache as {@link #apps()}, so its changes drop what it holds. */
  public AppSetupPort appSetup() {
    return appSetup;
  }

  public AnnotationsPort annotations() {
    return annotations;
  }

  public AnnotationIndexPort annotationIndex() {
    return annotationIndex;
  }

  public AnnotationJobsPort annotationJobs() {
    return annotationJobs;
  }

  public EndUsersPort endUsers() {
    return turns;
  }

  public StartTurnPort startTurn() {
    return turns;
  }

  public ChatHistoryPort chatHistory() {
    return lifecycle;
  }

  public FinishMessagePort finishMessage() {
    return lifecycle;
  }

  public AgentThoughtsPort agentThoughts() {
    return lifecycle;
  }

  public ConversationsPort conversations() {
    return conversations;
  }

  public MessagesPort messages() {
    return messages;
  }

  public ConversationVariablesPort conversationVariables() {
    return variables;
  }

  public AppFeedbacksPort appFeedbacks() {
    return messages;
  }

  public StopRequestsPort stopRequests() {
    return stopRequests;
  }

  /** This process's lease among the instances sharing the database (one random ID per start). */
  public InstanceLeasePort instanceLease() {
    return instanceLease;
  }

  /** The ID this process stamps on the messages it runs. */
  public UUID instanceId() {
    return instanceId;
  }

  public PoolMonitorPort poolMonitor() {
    return monitor;
  }

  public ConnectionTracker tracker() {
    return tracker;
  }

  /**
   * HikariCP's own leak-detection threshold as the pool actually runs with it: always 0, because
   * its detector captures a stack on every checkout; {@link #longHoldSweep()} does its job.
   */
  public long hikariLeakDetectionThresholdMillis() {
    return pool.getLeakDetectionThreshold();
  }

  /**
   * The sweep that logs connections held longer than {@code leakDetectionThresholdMillis} (once
   * each, with the acquiring stack); empty when that setting is 0.
   */
  public Optional<LongHoldSweep> longHoldSweep() {
    return Optional.ofNullable(longHolds);
  }

  SessionScope sessionScope() {
    return scope;
  }

  @Override
  public void close() {
    if (longHolds != null) {
      longHolds.close();
    }
    workers.close(); // queued work (final saves) still runs, then the pool goes
    try {
      factory.close();
    } finally {
      pool.close();
    }
  }
}
