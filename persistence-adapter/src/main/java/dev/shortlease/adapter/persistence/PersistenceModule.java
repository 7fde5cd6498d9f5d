package dev.shortlease.adapter.persistence;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
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
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * Guice module of the persistence adapter: binds every persistence port, the pool monitor and the
 * connection tracker as singletons of one {@link PersistenceContext} (also bound, so the
 * composition root can close it on shutdown). The context starts when first needed.
 */
public final class PersistenceModule extends AbstractModule {
  private final PersistenceSettings settings;
  private final MeterRegistry registry;

  public PersistenceModule(PersistenceSettings settings, MeterRegistry registry) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Provides
  @Singleton
  PersistenceContext context() {
    return PersistenceContext.start(settings, registry);
  }

  @Provides
  @Singleton
  ConnectionTracker tracker(PersistenceContext context) {
    return context.tracker();
  }

  @Provides
  @Singleton
  PoolMonitorPort poolMonitor(PersistenceContext context) {
    return context.poolMonitor();
  }

  @Provides
  @Singleton
  AppsPort apps(PersistenceContext context) {
    return context.apps();
  }

  @Provides
  @Singleton
  ApiKeysPort apiKeys(PersistenceContext context) {
    return context.apiKeys();
  }

  @Provides
  @Singleton
  AppSetupPort appSetup(PersistenceContext context) {
    return context.appSetup();
  }

  @Provides
  @Singleton
  EndUsersPort endUsers(PersistenceContext context) {
    return context.endUsers();
  }

  @Provides
  @Singleton
  StartTurnPort startTurn(PersistenceContext context) {
    return context.startTurn();
  }

  @Provides
  @Singleton
  ChatHistoryPort chatHistory(PersistenceContext context) {
    return context.chatHistory();
  }

  @Provides
  @Singleton
  FinishMessagePort finishMessage(PersistenceContext context) {
    return context.finishMessage();
  }

  @Provides
  @Singleton
  AgentThoughtsPort agentThoughts(PersistenceContext context) {
    return context.agentThoughts();
  }

  @Provides
  @Singleton
  ConversationsPort conversations(PersistenceContext context) {
    return context.conversations();
  }

  @Provides
  @Singleton
  MessagesPort messages(PersistenceContext context) {
    return context.messages();
  }

  @Provides
  @Singleton
  ConversationVariablesPort conversationVariables(PersistenceContext context) {
    return context.conversationVariables();
  }

  @Provides
  @Singleton
  AppFeedbacksPort appFeedbacks(PersistenceContext context) {
    return context.appFeedbacks();
  }

  @Provides
  @Singleton
  InstanceLeasePort instanceLease(PersistenceContext context) {
    return context.instanceLease();
  }

  @Provides
  @Singleton
  StopRequestsPort stopRequests(PersistenceContext context) {
    return context.stopRequests();
  }

  @Provides
  @Singleton
  AnnotationsPort annotations(PersistenceContext context) {
    return context.annotations();
  }

  @Provides
  @Singleton
  AnnotationIndexPort annotationIndex(PersistenceContext context) {
    return context.annotationIndex();
  }

  @Provides
  @Singleton
  AnnotationJobsPort annotationJobs(PersistenceContext context) {
    return context.annotationJobs();
  }
}
