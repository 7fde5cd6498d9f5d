package dev.shortlease.guardrails.guice;

import com.google.inject.Binder;
import com.google.inject.Binding;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Provider;
import com.google.inject.Scope;
import com.google.inject.Singleton;
import com.google.inject.TypeLiteral;
import com.google.inject.binder.ScopedBindingBuilder;
import com.google.inject.spi.ConstructorBinding;
import com.google.inject.spi.DefaultBindingScopingVisitor;
import com.google.inject.spi.DefaultBindingTargetVisitor;
import com.google.inject.spi.Element;
import com.google.inject.spi.Elements;
import com.google.inject.spi.InstanceBinding;
import com.google.inject.spi.LinkedKeyBinding;
import com.google.inject.spi.ProviderInstanceBinding;
import com.google.inject.spi.ProviderKeyBinding;
import dev.shortlease.guardrails.guard.ConnectionTracker;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;

/**
 * The module {@link Guardrails#wrap} returns. It records the given modules' elements (Guice SPI)
 * and replays them, except that each binding of a long-call or use-case type is split in two: its
 * original target moves to a private {@link Undecorated} key, and the original key is bound, in the
 * original scope, to a {@link DecoratingProvider} around it. Multibinder elements are bindings like
 * any other (keyed by the element type), so they are rewritten the same way and stay in their set.
 *
 * <p>A linked binding to another binding of the same role ({@code bind(Port.class).to(Key.get(
 * Port.class, Raw.class))}) is left alone: its target is decorated, and decorating twice would
 * count every violation twice.
 */
final class GuardedModules implements Module {
  static final Key<Guardrails> RULES = Key.get(Guardrails.class, KitRules.class);
  private static final String TRACKER_NEEDED =
      "Guardrails.wrap(...), which guards long calls and use cases: bind the ConnectionTracker"
          + " your DataSource is wrapped with (bind(ConnectionTracker.class).toInstance(tracker));"
          + " with several DataSources, one tracker each, bound with the DataSource's annotation";

  private final Guardrails rules;
  private final List<Module> modules;

  GuardedModules(Guardrails rules, List<Module> modules) {
    this.rules = rules;
    this.modules = List.copyOf(modules);
  }

  @Override
  public void configure(Binder binder) {
    binder.bind(RULES).toInstance(rules);
    List<Element> elements = Elements.getElements(binder.currentStage(), modules);
    List<Key<ConnectionTracker>> trackerKeys = trackerKeys(elements);
    List<Provider<ConnectionTracker>> trackers = null;
    for (Element element : elements) {
      if (element instanceof Binding<?> binding && needsDecorating(binding)) {
        if (trackers == null) {
          // The source is what Guice prints under "Requested by" when no tracker is bound.
          Binder needing = binder.withSource(TRACKER_NEEDED);
          trackers = trackerKeys.stream().map(needing::getProvider).toList();
        }
        rewrite(binder.withSource(binding.getSource()), binding, trackerKeys, trackers);
      } else {
        element.applyTo(binder);
      }
    }
  }

  /**
   * The keys of every tracker the modules bind, with or without a binding annotation (one per data
   * source); the plain {@code ConnectionTracker} key when they bind none (it may come from a parent
   * injector, or be missing, which Guice then reports).
   */
  @SuppressWarnings("unchecked")
  private static List<Key<ConnectionTracker>> trackerKeys(List<Element> elements) {
    List<Key<ConnectionTracker>> keys = new ArrayList<>();
    for (Element element : elements) {
      if (element instanceof Binding<?> binding
          && binding.getKey().getTypeLiteral().getType() == ConnectionTracker.class) {
        keys.add((Key<ConnectionTracker>) binding.getKey());
      }
    }
    return keys.isEmpty() ? List.of(Key.get(ConnectionTracker.class)) : List.copyOf(keys);
  }

  private boolean needsDecorating(Binding<?> binding) {
    Key<?> key = binding.getKey();
    if (key.getAnnotationType() == Undecorated.class) {
      return false;
    }
    Class<?> type = key.getTypeLiteral().getRawType();
    Guardrails.Role role = rules.roleOf(type);
    boolean decorated = rules.decorates(type);
    if (role == Guardrails.Role.NONE && !decorated) {
      return false;
    }
    if (binding instanceof LinkedKeyBinding<?> linked) {
      Class<?> target = linked.getLinkedKey().getTypeLiteral().getRawType();
      return rules.roleOf(target) != role || rules.decorates(target) != decorated;
    }
    return binding instanceof InstanceBinding
        || binding instanceof ProviderInstanceBinding
        || binding instanceof ProviderKeyBinding
        || binding instanceof ConstructorBinding;
  }

  private <T> void rewrite(
      Binder binder,
      Binding<T> binding,
      List<Key<ConnectionTracker>> trackerKeys,
      List<Provider<ConnectionTracker>> trackers) {
    Key<T> key = binding.getKey();
    Key<T> undecorated = Key.get(key.getTypeLiteral(), Undecorated.Keys.next());
    binding.acceptTargetVisitor(new Retarget<>(binder, undecorated));
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) key.getTypeLiteral().getRawType();
    ScopedBindingBuilder decorated =
        binder
            .bind(key)
            .toProvider(
                new DecoratingProvider<>(
                    rules.roleOf(type),
                    type,
                    undecorated,
                    binder.getProvider(undecorated),
                    trackerKeys,
                    trackers,
                    rules.mode(),
                    rules.decorates(type) ? rules.decorator() : null));
    if (binding instanceof InstanceBinding) {
      decorated.in(Singleton.class); // one decorator around the one instance
    } else {
      binding.acceptScopingVisitor(new CopyScope(decorated));
    }
  }

  /** Binds the undecorated key to whatever the original binding pointed at. */
  private static final class Retarget<T> extends DefaultBindingTargetVisitor<T, Void> {
    private final Binder binder;
    private final Key<T> key;

    Retarget(Binder binder, Key<T> key) {
      this.binder = binder;
      this.key = key;
    }

    @Override
    public Void visit(InstanceBinding<? extends T> binding) {
      binder.bind(key).toInstance(binding.getInstance());
      return null;
    }

    @Override
    public Void visit(ProviderInstanceBinding<? extends T> binding) {
      binder.bind(key).toProvider(binding.getUserSuppliedProvider());
      return null;
    }

    @Override
    public Void visit(ProviderKeyBinding<? extends T> binding) {
      binder.bind(key).toProvider(binding.getProviderKey());
      return null;
    }

    @Override
    public Void visit(LinkedKeyBinding<? extends T> binding) {
      binder.bind(key).to(binding.getLinkedKey());
      return null;
    }

    @Override
    public Void visit(ConstructorBinding<? extends T> binding) {
      @SuppressWarnings("unchecked")
      Constructor<T> constructor = (Constructor<T>) binding.getConstructor().getMember();
      @SuppressWarnings("unchecked")
      TypeLiteral<T> type = (TypeLiteral<T>) binding.getConstructor().getDeclaringType();
      binder.bind(key).toConstructor(constructor, type);
      return null;
    }

    @Override
    protected Void visitOther(Binding<? extends T> binding) {
      throw new IllegalStateException("guardrails cannot rewrite " + binding);
    }
  }

  /** Gives the decorated binding the original binding's scope. */
  private static final class CopyScope extends DefaultBindingScopingVisitor<Void> {
    private final ScopedBindingBuilder target;

    CopyScope(ScopedBindingBuilder target) {
      this.target = target;
    }

    @Override
    public Void visitEagerSingleton() {
      target.asEagerSingleton();
      return null;
    }

    @Override
    public Void visitScope(Scope scope) {
      target.in(scope);
      return null;
    }

    @Override
    public Void visitScopeAnnotation(Class<? extends Annotation> scopeAnnotation) {
      target.in(scopeAnnotation);
      return null;
    }
  }
}
