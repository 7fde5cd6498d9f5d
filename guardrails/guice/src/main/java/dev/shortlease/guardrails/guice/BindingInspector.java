package dev.shortlease.guardrails.guice;

import com.google.inject.Binding;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.spi.InstanceBinding;
import com.google.inject.spi.LinkedKeyBinding;
import com.google.inject.spi.ProviderInstanceBinding;
import dev.shortlease.guardrails.guard.LeakCheck;
import dev.shortlease.guardrails.guard.LongCallGuard;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an injector's bindings (its own and its parents', explicit and just-in-time) and sorts
 * those of long-call and use-case types into decorated and not. It inspects binding targets only:
 * nothing is instantiated.
 */
final class BindingInspector {
  private static final int MAX_LINKS = 20;

  private final Guardrails rules;

  BindingInspector(Guardrails rules) {
    this.rules = rules;
  }

  Guardrails.Report inspect(Injector injector) {
    List<Key<?>> guarded = new ArrayList<>();
    List<Key<?>> checked = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Injector current = injector; current != null; current = current.getParent()) {
      for (Binding<?> binding : current.getAllBindings().values()) {
        Key<?> key = binding.getKey();
        if (key.getAnnotationType() == Undecorated.class) {
          continue;
        }
        Guardrails.Role role = rules.roleOf(key.getTypeLiteral().getRawType());
        if (role == Guardrails.Role.NONE) {
          continue;
        }
        if (decorated(current, binding, role, 0)) {
          (role == Guardrails.Role.LONG_CALL ? guarded : checked).add(key);
        } else {
          problems.add(problem(binding, role));
        }
      }
    }
    return new Guardrails.Report(guarded, checked, problems);
  }

  private boolean decorated(
      Injector injector, Binding<?> binding, Guardrails.Role role, int depth) {
    if (binding instanceof ProviderInstanceBinding<?> provided
        && provided.getUserSuppliedProvider() instanceof DecoratingProvider<?> decorating) {
      return decorating.role() == role;
    }
    if (binding instanceof InstanceBinding<?> instance) {
      return role == Guardrails.Role.LONG_CALL
          ? LongCallGuard.isGuarded(instance.getInstance())
          : LeakCheck.isChecked(instance.getInstance());
    }
    if (binding instanceof LinkedKeyBinding<?> linked && depth < MAX_LINKS) {
      Key<?> target = linked.getLinkedKey();
      if (rules.roleOf(target.getTypeLiteral().getRawType()) == role) {
        return decorated(injector, injector.getBinding(target), role, depth + 1);
      }
    }
    return false;
  }

  /** {@code com.example.Port}, {@code com.example.Port @Named} or {@code ... (a set element)}. */
  static String describe(Key<?> key) {
    String type = key.getTypeLiteral().toString();
    if (key.getAnnotationType() == null) {
      return type;
    }
    if (key.getAnnotationType().getName().equals("com.google.inject.internal.Element")) {
      return type + " (a multibinder or map-binder element)";
    }
    return type + " @" + key.getAnnotationType().getSimpleName();
  }

  private String problem(Binding<?> binding, Guardrails.Role role) {
    String what =
        role == Guardrails.Role.LONG_CALL
            ? "is a long call (" + rules.describeLongCalls() + ") but is not guarded"
            : "is a use case but is not leak-checked";
    return describe(binding.getKey())
        + " "
        + what
        + ": bind it inside Guardrails.wrap(...) (bound at "
        + binding.getSource()
        + ")";
  }
}
