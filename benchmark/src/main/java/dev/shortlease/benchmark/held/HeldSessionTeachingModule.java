package dev.shortlease.benchmark.held;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import dev.shortlease.adapter.persistence.DataSourceDecorator;
import dev.shortlease.application.port.in.SendMessageUseCase;

/**
 * Teaching variant (benchmark only): a Guice override module that turns the service into the
 * held-session anti-pattern (open-session-in-view, Flask-SQLAlchemy's request session) for the
 * benchmark's {@code held} mode. It lives only in the benchmark module and only {@link
 * HeldSessionTeachingMain} installs it: no setting of the production service can select it.
 */
public final class HeldSessionTeachingModule extends AbstractModule {

  private final HeldSessionDataSource sessions = new HeldSessionDataSource();

  @Override
  protected void configure() {
    bind(HeldSessionDataSource.class).toInstance(sessions);
    OptionalBinder.newOptionalBinder(binder(), DataSourceDecorator.class)
        .setBinding()
        .toInstance(sessions);
    bind(SendMessageUseCase.class).to(HeldSessionSendMessage.class);
  }
}
