package dev.shortlease.guardrails.guice;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import dev.shortlease.guardrails.guard.ConnectionTracker;
import dev.shortlease.guardrails.guard.GuardMode;
import java.lang.annotation.Annotation;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Guice integration of the connection guard. {@link #wrap} rewrites the bindings of the modules it
 * is given: every binding of a <em>long-call type</em> (an interface carrying the consumer's own
 * annotation, or one declared with {@link #alsoLongCalls}), multibinder and map-binder elements
 * included, is bound behind {@link dev.shortlease.guardrails.guard.LongCallGuard}; every binding of
 * a <em>use-case type</em> behind {@link dev.shortlease.guardrails.guard.LeakCheck}. The modules
 * need a {@link ConnectionTracker} binding; a service with several data sources binds one tracker
 * per data source, each under that data source's binding annotation, and every one of them is
 * checked. {@link #verify} then refuses an injector in which one such binding escaped the wrapping.
 *
 * <pre>{@code
 * Module app = Guardrails.forLongCallAnnotation(LongCall.class)
 *     .mode(GuardMode.STRICT)
 *     .wrap(new PersistenceModule(), new ApplicationModule(), new ModelModule());
 * Injector injector = Guice.createInjector(app);
 * Guardrails.verify(injector);
 * }</pre>
 */
public final class Guardrails {
  private final Predicate<Class<?>> longCalls;
  private final String longCallsDescription;
  private final Set<Class<?>> extraLongCalls;
  private final Predicate<Class<?>> useCases;
  private final GuardMode mode;
  private final Predicate<Class<?>> decorated;
  private final Decorator decorator;

  private Guardrails(
      Predicate<Class<?>> longCalls,
      String longCallsDescription,
      Set<Class<?>> extraLongCalls,
      Predicate<Class<?>> useCases,
      GuardMode mode) {
    this(longCalls, longCallsDescription, extraLongCalls, useCases, mode, type -> false, null);
  }

  private Guardrails(
      Predicate<Class<?>> longCalls,
      String longCallsDescription,
      Set<Class<?>> extraLongCalls,
      Predicate<Class<?>> useCases,
      GuardMode mode,
      Predicate<Class<?>> decorated,
      Decorator decorator) {
    this.longCalls = longCalls;
    this.longCallsDescription = longCallsDescription;
    this.extraLongCalls = Set.copyOf(extraLongCalls);
    this.useCases = useCases;
    this.mode = mode;
    this.decorated = decorated;
    this.decorator = decorator;
  }

  /**
   * A decorator of the service's own (tracing, say) that {@link #wrap} puts around bound objects,
   * <em>inside</em> the kit's guard or leak check, so the guard still sees every call first.
   */
  @FunctionalInterface
  public interface Decorator {
    /** {@code instance} decorated as a {@code type}, or {@code instance} itself to leave it. */
    <T> T decorate(Class<T> type, T instance);
  }

  /**
   * Long calls are the interfaces annotated with {@code annotation} (runtime retention), directly
   * or on a super-interface; the consumer owns it, so its application code never sees the kit's
   * types. Defaults: use cases are interfaces named {@code *UseCase}, mode {@link
   * GuardMode#STRICT}.
   */
  public static Guardrails forLongCallAnnotation(Class<? extends Annotation> annotation) {
    Objects.requireNonNull(annotation, "annotation");
    Retention retention = annotation.getAnnotation(Retention.class);
    if (retention == null || retention.value() != RetentionPolicy.RUNTIME) {
      throw new IllegalArgumentException(
          "@" + annotation.getName() + " must have @Retention(RUNTIME) to be seen at run time");
    }
    return new Guardrails(
        type -> inherits(type, t -> t.isAnnotationPresent(annotation)),
        "@" + annotation.getSimpleName(),
        Set.of(),
        Guardrails::namedUseCase,
        GuardMode.STRICT);
  }

  /** As {@link #forLongCallAnnotation(Class)}, the annotation named by its class name. */
  public static Guardrails forLongCallAnnotation(String annotationClassName) {
    Objects.requireNonNull(annotationClassName, "annotationClassName");
    return new Guardrails(
        type ->
            inherits(
                type,
                t ->
                    java.util.Arrays.stream(t.getAnnotations())
                        .anyMatch(a -> a.annotationType().getName().equals(annotationClassName))),
        "@" + annotationClassName,
        Set.of(),
        Guardrails::namedUseCase,
        GuardMode.STRICT);
  }

  /** Which bound interfaces are use cases (leak-checked); default: simple name ends in UseCase. */
  public Guardrails useCases(Predicate<Class<?>> rule) {
    return new Guardrails(
        longCalls,
        longCallsDescription,
        extraLongCalls,
        Objects.requireNonNull(rule),
        mode,
        decorated,
        decorator);
  }

  /** Interfaces that are long calls without carrying the annotation (a library's type, say). */
  public Guardrails alsoLongCalls(Class<?>... types) {
    Set<Class<?>> all = new LinkedHashSet<>(extraLongCalls);
    for (Class<?> type : types) {
      if (!type.isInterface()) {
        throw new IllegalArgumentException(type.getName() + " is not an interface");
      }
      all.add(type);
    }
    return new Guardrails(
        longCalls, longCallsDescription, all, useCases, mode, decorated, decorator);
  }

  /** How the long-call guard reacts; default {@link GuardMode#STRICT}. */
  public Guardrails mode(GuardMode mode) {
    return new Guardrails(
        longCalls,
        longCallsDescription,
        extraLongCalls,
        useCases,
        Objects.requireNonNull(mode),
        decorated,
        decorator);
  }

  /**
   * Bindings of the interfaces {@code types} accepts get {@code decorator} around their object, the
   * innermost decorator (long calls and use cases get the kit's own around it). Replaces an earlier
   * one; {@link #verify} does not ask for it.
   */
  public Guardrails decorating(Predicate<Class<?>> types, Decorator decorator) {
    return new Guardrails(
        longCalls,
        longCallsDescription,
        extraLongCalls,
        useCases,
        mode,
        Objects.requireNonNull(types, "types"),
        Objects.requireNonNull(decorator, "decorator"));
  }

  /** One module: {@code modules} with every long-call binding guarded, every use case checked. */
  public Module wrap(Module... modules) {
    return new GuardedModules(this, List.of(modules));
  }

  /**
   * Fails with {@link UnguardedBindingException} when a long-call or use-case binding of {@code
   * injector} (or a parent) is not behind the kit's decorator, or when the injector was not built
   * from {@link #wrap}. Call it right after creating the injector.
   */
  public static void verify(Injector injector) {
    Guardrails rules = findRules(injector);
    if (rules == null) {
      throw new UnguardedBindingException(
          List.of(
              "no Guardrails.wrap(...) in this injector: no long-call binding is guarded and no"
                  + " use case is leak-checked"));
    }
    rules.verifyAgainst(injector);
  }

  /** As {@link #verify(Injector)}, with these rules even if the injector has none of its own. */
  public void verifyAgainst(Injector injector) {
    List<String> problems = report(injector).problems();
    if (!problems.isEmpty()) {
      throw new UnguardedBindingException(problems);
    }
  }

  /** What the kit sees in {@code injector}: guarded, leak-checked and unwrapped bindings. */
  public Report report(Injector injector) {
    return new BindingInspector(this).inspect(injector);
  }

  /** Guarded long-call keys, leak-checked use-case keys, and one line per unwrapped binding. */
  public record Report(List<Key<?>> guarded, List<Key<?>> leakChecked, List<String> problems) {
    public Report {
      guarded = List.copyOf(guarded);
      leakChecked = List.copyOf(leakChecked);
      problems = List.copyOf(problems);
    }
  }

  /** The rules an injector was wrapped with, or null. */
  static Guardrails findRules(Injector injector) {
    for (Injector current = injector; current != null; current = current.getParent()) {
      var binding = current.getExistingBinding(GuardedModules.RULES);
      if (binding != null) {
        return binding.getProvider().get();
      }
    }
    return null;
  }

  /** What a binding of {@code type} must be decorated with, if anything. */
  Role roleOf(Class<?> type) {
    if (!type.isInterface()) {
      return Role.NONE;
    }
    if (extraLongCalls.contains(type) || longCalls.test(type)) {
      return Role.LONG_CALL;
    }
    return useCases.test(type) ? Role.USE_CASE : Role.NONE;
  }

  GuardMode mode() {
    return mode;
  }

  /** True when {@link #decorating} asks for bindings of {@code type} to be decorated. */
  boolean decorates(Class<?> type) {
    return decorator != null && type.isInterface() && decorated.test(type);
  }

  /** The service's own decorator, or null. */
  Decorator decorator() {
    return decorator;
  }

  String describeLongCalls() {
    List<String> parts = new ArrayList<>(List.of(longCallsDescription));
    extraLongCalls.forEach(type -> parts.add(type.getSimpleName()));
    return String.join(", ", parts);
  }

  enum Role {
    LONG_CALL,
    USE_CASE,
    NONE
  }

  /**
   * True when {@code type} or one of its super-interfaces is {@code annotated}: annotations on
   * interfaces are never inherited, yet the static rule counts a sub-interface as a long call.
   */
  private static boolean inherits(Class<?> type, Predicate<Class<?>> annotated) {
    if (annotated.test(type)) {
      return true;
    }
    for (Class<?> parent : type.getInterfaces()) {
      if (inherits(parent, annotated)) {
        return true;
      }
    }
    return false;
  }

  private static boolean namedUseCase(Class<?> type) {
    return type.getSimpleName().endsWith("UseCase");
  }
}
