package dev.shortlease.adapter.persistence;

import com.github.benmanes.caffeine.cache.Ticker;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
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
import dev.shortlease.guardrails.guard.GuardMetrics;
import dev.shortlease.guardrails.guard.LongHoldSweep;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * Persistence adapter's lifecycle: builds HikariCP, wraps it in the {@link ConnectionTracker},
 * migrates with Flyway, bootstraps Hibernate in code, starts the tracker's {@link LongHoldSweep},
 * and exposes every port implementation. {@link #close()} stops the sweep and shuts Hibernate and
 * the pool down; a start that fails closes what it had opened (newest first) before it throws.
 */
public final class PersistenceContext implements AutoCloseable {
  private static final AtomicInteger POOLS = new AtomicInteger();

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
      pool = opened.add(new HikariDataSource(hikariConfig(settings, registry)));
      tracker = trackerFor(pool, settings, registry);
      dataSource = tracker.wrap(sessionFree(pool, settings));
      migrate(settings);
      factory = opened.add(hibernate(decorator.decorate(dataSource), settings));
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

  private static HikariConfig hikariConfig(PersistenceSettings s, MeterRegistry registry) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("shortlease-" + POOLS.incrementAndGet());
    config.setJdbcUrl(s.jdbcUrl());
    config.setUsername(s.user());
    config.setPassword(s.password());
    config.setMaximumPoolSize(s.poolSize());
    config.setConnectionTimeout(s.connectionTimeoutMillis());
    config.setValidationTimeout(Math.min(1_000, s.connectionTimeoutMillis()));
    // Off: the tracker's long-hold sweep does its job without a stack per checkout (ADR 0037).
    config.setLeakDetectionThreshold(0);
    config.setMaxLifetime(s.maxLifetimeMillis());
    config.setAutoCommit(false); // Hibernate is told so, and skips a setAutoCommit round trip
    if (s.jdbcUrl().startsWith("jdbc:postgresql:") && s.timeouts().socketTimeoutSeconds() > 0) {
      config.addDataSourceProperty(
          "socketTimeout", String.valueOf(s.timeouts().socketTimeoutSeconds()));
    }
    if (s.pooler().transactionPooling()) {
      // Unnamed statements only: PgBouncer < 1.21 would hand "S_1" to another client's session.
      // Timeouts and schema go into each transaction instead (sessionFree).
      config.addDataSourceProperty("prepareThreshold", "0");
    } else {
      s.timeouts().applyTo(config, s.jdbcUrl());
      if (s.schema() != null) {
        config.setSchema(s.schema());
      }
    }
    config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    return config;
  }

  /**
   * The guardrails kit's tracker over this pool: it names our own frames in failure stacks, and its
   * counters (guard violations, leaks, held connections) go to {@code /metrics}.
   */
  private static ConnectionTracker trackerFor(
      HikariDataSource pool, PersistenceSettings s, MeterRegistry registry) {
    ConnectionTracker tracker =
        ConnectionTracker.builder()
            .name(pool.getPoolName())
            .applicationPackages("dev.shortlease.")
            .acquiringStacks(s.acquiringStacks())
            .build();
    new GuardMetrics(tracker).bindTo(registry);
    return tracker;
  }

  /**
   * The pool as it is, or, behind a transaction-mode pooler, with the timeouts and the schema set
   * inside every transaction (a session setting would outlive it on a shared server connection).
   */
  private static DataSource sessionFree(HikariDataSource pool, PersistenceSettings s) {
    return s.pooler().transactionPooling()
        ? TransactionLocalSettings.wrap(pool, s.timeouts(), s.schema())
        : pool;
  }

  /**
   * Migrates over its own connections: Flyway needs two at once, which a pool of one lacks; behind
   * PgBouncer they go straight to PostgreSQL (its lock and search_path are session state).
   */
  private static void migrate(PersistenceSettings s) {
    var flyway =
        Flyway.configure()
            .dataSource(s.pooler().migrationUrl(s.jdbcUrl()), s.user(), s.password())
            .locations("classpath:db/migration");
    if (s.schema() != null) {
      flyway.schemas(s.schema()).defaultSchema(s.schema()).createSchemas(true);
    }
    flyway.load().migrate();
  }

  private static EntityManagerFactory hibernate(DataSource dataSource, PersistenceSettings s) {
    var config =
        new HibernatePersistenceConfiguration("shortlease")
            .managedClasses(
                AppEntity.class,
                ApiKeyEntity.class,
                EndUserEntity.class,
                ConversationEntity.class,
                MessageEntity.class,
                AgentThoughtEntity.class,
                StopRequestEntity.class,
                AnnotationEntity.class,
                AnnotationReplySettingEntity.class,
                AnnotationJobEntity.class,
                ConversationVariableEntity.class,
                UploadFileEntity.class,
                MessageFileEntity.class,
                AppMediaEntity.class)
            .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
            .property(
                AvailableSettings.CONNECTION_HANDLING,
                "DELAYED_ACQUISITION_AND_RELEASE_AFTER_TRANSACTION")
            .property(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, true)
            // A list parameter (the stop relay's task IDs) renders one of few SQL shapes, so the
            // driver's per-connection prepared statements are reused rather than re-planned.
            .property(AvailableSettings.IN_CLAUSE_PARAMETER_PADDING, true)
            // Flyway owns the schema; Hibernate only checks that the entities match it.
            .property(AvailableSettings.HBM2DDL_AUTO, "validate");
    if (s.schema() != null) {
      config.property(AvailableSettings.DEFAULT_SCHEMA, s.schema());
    }
    return config.createEntityManagerFactory();
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
