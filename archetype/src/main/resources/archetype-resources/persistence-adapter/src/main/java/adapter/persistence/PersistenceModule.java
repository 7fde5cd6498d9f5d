package ${package}.adapter.persistence;

import ${package}.application.port.out.DatabaseHealthPort;
import ${package}.application.port.out.QuestionStore;
import com.google.inject.AbstractModule;
import java.util.Objects;

/** Binds the persistence ports of a started {@link PersistenceContext}. */
public final class PersistenceModule extends AbstractModule {
  private final PersistenceContext context;

  public PersistenceModule(PersistenceContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  protected void configure() {
    bind(PersistenceContext.class).toInstance(context);
    bind(QuestionStore.class).toInstance(context.questions());
    bind(DatabaseHealthPort.class).toInstance(context);
  }
}
