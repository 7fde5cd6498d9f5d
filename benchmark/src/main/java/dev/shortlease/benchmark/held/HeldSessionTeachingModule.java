package dev.shortlease.benchmark.held;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import dev.shortlease.adapter.persistence.DataSourceDecorator;
import dev.shortlease.application.port.in.AdmitChatUseCase;
import dev.shortlease.application.port.in.SendMessageUseCase;

/**
 * Teaching variant (benchmark only): turns the service into the held-session anti-pattern
 * (open-session-in-view, Flask-SQLAlchemy's request session) for the benchmark's {@code held} mode:
 * a Guice override of the send-message use case, plus the DataSource decorator that routes a
 * request's transactions onto its held connection, and no admission line in front of the pool
 * ({@link NoAdmissionLine}). It lives only in the benchmark module and only {@link
 * HeldSessionTeachingMain} installs it: no setting of the service can select it.
 */
public final class HeldSessionTeachingModule extends AbstractModule {

  private final HeldSessionDataSource sessions = new HeldSessionDataSource();

  /** Pass to {@code ShortleaseServer.startDecorated} together with this module. */
  public DataSourceDecorator dataSourceDecorator() {
    return sessions;
  }

  @Override
  protected void configure() {
    bind(HeldSessionDataSource.class).toInstance(sessions);
    // An override inside the service's guardrails wrap: leak-checked like every production use
    // case, so the guards see the anti-pattern.
    bind(SendMessageUseCase.class).to(HeldSessionSendMessage.class).in(Singleton.class);
    bind(AdmitChatUseCase.class).to(NoAdmissionLine.class).in(Singleton.class);
  }
}
