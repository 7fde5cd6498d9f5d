package dev.shortlease.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.util.Modules;
import dev.shortlease.adapter.persistence.FilesModule;
import dev.shortlease.adapter.persistence.PersistenceContext;
import dev.shortlease.adapter.persistence.PersistenceModule;
import dev.shortlease.adapter.persistence.spool.FileAnswerSpool;
import dev.shortlease.adapter.web.AuthThrottleSettings;
import dev.shortlease.adapter.web.WebSettings;
import dev.shortlease.application.ChatExecutor;
import dev.shortlease.application.StopRelaySettings;
import dev.shortlease.application.port.out.LongCall;
import dev.shortlease.bootstrap.tracing.TracedBindings;
import dev.shortlease.bootstrap.tracing.Tracing;
import dev.shortlease.domain.port.AnswerSpoolPort;
import dev.shortlease.guardrails.guard.GuardMode;
import dev.shortlease.guardrails.guice.Guardrails;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Composition root: the one place that builds the service's injector, used by {@link
 * ShortleaseServer} and by tests alike. Each adapter's module plus the application's, with {@code
 * overrides} applied, all inside the guardrails kit's {@link Guardrails#wrap}: every binding of a
 * {@link LongCall} type (the model port, each agent tool) is guarded in the mode {@code GUARD_MODE}
 * names, every {@code *UseCase} binding is leak-checked, and {@link Guardrails#verify} refuses to
 * start when one escaped (a binding added outside the wrap, say).
 */
public final class Composition {
  private Composition() {}

  /**
   * The service's injector over {@code database}, an already started persistence context (it
   * replaces the one {@code PersistenceModule} would start). {@code overrides} replace bindings of
   * the standard modules (tests bind a scripted model as {@link RawModel}) and are guarded too.
   */
  public static Injector injector(
      Settings settings,
      PrometheusMeterRegistry registry,
      PersistenceContext database,
      Module... overrides) {
    return injector(settings, registry, database, Tracing.off(), overrides);
  }

  /**
   * As {@link #injector(Settings, PrometheusMeterRegistry, PersistenceContext, Module...)}, with
   * spans around the storage ports, the chat model and the tools when {@code tracing} is on, and
   * runs started in their caller's trace context (see {@link TracedBindings}).
   */
  public static Injector injector(
      Settings settings,
      PrometheusMeterRegistry registry,
      PersistenceContext database,
      Tracing tracing,
      Module... overrides) {
    Module modules = modules(settings, registry, database, overrides);
    if (tracing.on()) {
      ChatExecutor propagating = TracedBindings.propagating(ChatExecutor.virtualThreads());
      modules =
          Modules.override(modules)
              .with(binder -> binder.bind(ChatExecutor.class).toInstance(propagating));
    }
    Injector injector =
        Guice.createInjector(Stage.PRODUCTION, rules(settings, tracing).wrap(modules));
    Guardrails.verify(injector);
    return injector;
  }

  /** The service's modules with {@code overrides} applied: no guard yet. */
  static Module modules(
      Settings settings,
      PrometheusMeterRegistry registry,
      PersistenceContext database,
      Module... overrides) {
    Module standard =
        Modules.combine(
            new MetricsModule(registry),
            new PersistenceModule(settings.database(), registry),
            new ModelModule(
                settings.llm(),
                settings.embedding(),
                settings.media().models(),
                settings.media().remoteImages()),
            new FilesModule(settings.media().filesDir()),
            new ObservabilityModule(settings.llm().provider(), settings.llm().modelName()),
            new ApplicationModule(
                settings.chat(),
                settings.reliability(),
                settings.annotations(),
                settings.media().limits(),
                settings.limits()),
            binder ->
                binder
                    .bind(AnswerSpoolPort.class)
                    .toInstance(new FileAnswerSpool(settings.answerSpool())),
            binder -> binder.bind(WebSettings.class).toInstance(settings.web()),
            binder -> binder.bind(StopRelaySettings.class).toInstance(settings.stopRelay()),
            binder -> binder.bind(AuthThrottleSettings.class).toInstance(settings.authThrottle()));
    List<Module> replacements = new ArrayList<>(List.of(overrides));
    replacements.addFirst(binder -> binder.bind(PersistenceContext.class).toInstance(database));
    return Modules.override(standard).with(replacements);
  }

  /** {@code modules} inside the guardrails kit, as the service runs them. */
  static Module guarded(Settings settings, Module modules) {
    return rules(settings).wrap(modules);
  }

  /** The kit's rules for this service: long calls carry {@link LongCall}. */
  static Guardrails rules(Settings settings) {
    return Guardrails.forLongCallAnnotation(LongCall.class)
        .mode(GuardMode.fromSetting(settings.guardMode()));
  }

  /** As {@link #rules(Settings)}, with span decorators inside the guard when tracing is on. */
  static Guardrails rules(Settings settings, Tracing tracing) {
    Guardrails rules = rules(settings);
    return tracing.on()
        ? rules.decorating(TracedBindings::traces, new TracedBindings(tracing, settings.llm()))
        : rules;
  }
}
