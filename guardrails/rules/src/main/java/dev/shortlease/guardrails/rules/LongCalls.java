package dev.shortlease.guardrails.rules;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.AbstractClassesTransformer;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The static long-call rule: no code that runs inside a transaction calls a long-call port.
 *
 * <p>Code runs inside a transaction when it is
 *
 * <ol>
 *   <li>in a method annotated with a {@linkplain Hexagon#transactionalAnnotations() transactional
 *       annotation}, or declared in a class annotated with one; or
 *   <li>in a lambda passed to a method of a {@linkplain Hexagon#transactionCallbacks() transaction
 *       callback} class, or a method reference passed there. ArchUnit reports a lambda's accesses
 *       as made by the enclosing method, marked {@link
 *       com.tngtech.archunit.core.domain.JavaAccess#isDeclaredInLambda()}; which lambda is not
 *       recorded. So a lambda access belongs to the callback call on line {@code c} when its line
 *       lies in {@code [c, n)}, {@code n} being the line of the next access of the enclosing method
 *       that is not in a lambda.
 * </ol>
 *
 * From there, calls are followed into helper methods of imported classes (statically bound calls
 * whose target resolves to a method with a body), transitively. A call whose target is a long-call
 * port, or a class implementing one, is a violation; the message shows the path.
 *
 * <p>What it cannot see: calls through an interface other than the port (virtual dispatch to an
 * implementation is not followed), lambdas created elsewhere and passed in as variables, a lambda
 * after another argument that calls something on a later line (that call ends the range),
 * reflection, code outside the import, and two lambdas sharing the callback's lines. The runtime
 * long-call guard covers what this rule misses.
 */
final class LongCalls {
  private static final int MAX_DEPTH = 12;

  private final Hexagon hexagon;

  LongCalls(Hexagon hexagon) {
    this.hexagon = hexagon;
  }

  /** A stretch of code that runs inside a transaction, and the accesses it starts with. */
  record TransactionContext(
      JavaCodeUnit origin, int line, String how, List<JavaCodeUnitAccess<?>> seeds) {
    @Override
    public String toString() {
      return origin.getFullName() + " line " + line + " (" + how + ")";
    }
  }

  DescribedPredicate<JavaClass> longCallPort() {
    return DescribedPredicate.describe("are long-call ports", this::isLongCallPort);
  }

  boolean isLongCallPort(JavaClass cls) {
    return hexagon.longCallAnnotations().stream().anyMatch(cls::isAnnotatedWith)
        || (cls.isInterface()
            && !cls.isAnnotation()
            && Packages.withinAny(cls.getPackageName(), hexagon.longCallPackages()));
  }

  /** The port itself, or a class implementing it (an adapter called directly). */
  private boolean reachesLongCallPort(JavaClass owner) {
    return isLongCallPort(owner)
        || owner.getAllRawInterfaces().stream().anyMatch(this::isLongCallPort);
  }

  AbstractClassesTransformer<TransactionContext> contexts() {
    return new AbstractClassesTransformer<>("code that runs inside a transaction") {
      @Override
      public Iterable<TransactionContext> doTransform(JavaClasses classes) {
        List<TransactionContext> contexts = new ArrayList<>();
        for (JavaClass cls : classes) {
          if (!Packages.within(cls.getPackageName(), hexagon.root())) {
            continue;
          }
          for (JavaCodeUnit unit : cls.getCodeUnits()) {
            transactional(unit).ifPresent(contexts::add);
            contexts.addAll(callbacks(unit));
          }
        }
        return contexts;
      }
    };
  }

  private Optional<TransactionContext> transactional(JavaCodeUnit unit) {
    Optional<String> annotation =
        hexagon.transactionalAnnotations().stream()
            .filter(a -> unit.isAnnotatedWith(a) || unit.getOwner().isAnnotatedWith(a))
            .findFirst();
    return annotation.map(
        a ->
            new TransactionContext(
                unit, firstLine(unit), "annotated @" + simpleName(a), accessesOf(unit).toList()));
  }

  private List<TransactionContext> callbacks(JavaCodeUnit unit) {
    List<JavaCodeUnitAccess<?>> accesses =
        accessesOf(unit)
            .sorted(Comparator.comparingInt(JavaCodeUnitAccess::getLineNumber))
            .toList();
    List<TransactionContext> contexts = new ArrayList<>();
    for (JavaCodeUnitAccess<?> call : accesses) {
      // Only method calls hand over work; constructing the callback object does not.
      if (!(call instanceof JavaMethodCall) || !isCallback(call.getTargetOwner())) {
        continue;
      }
      int from = call.getLineNumber();
      int to =
          accesses.stream()
              .filter(a -> !a.isDeclaredInLambda() && a.getLineNumber() > from)
              .mapToInt(JavaCodeUnitAccess::getLineNumber)
              .min()
              .orElse(Integer.MAX_VALUE);
      List<JavaCodeUnitAccess<?>> inside =
          accesses.stream()
              .filter(a -> a != call && a.getLineNumber() >= from && a.getLineNumber() < to)
              .filter(a -> a.isDeclaredInLambda() || isReference(a))
              .toList();
      contexts.add(
          new TransactionContext(
              unit,
              from,
              "lambda passed to "
                  + call.getTargetOwner().getSimpleName()
                  + "."
                  + call.getTarget().getName(),
              inside));
    }
    return contexts;
  }

  private boolean isCallback(JavaClass owner) {
    return hexagon.transactionCallbacks().contains(owner.getName());
  }

  ArchCondition<TransactionContext> notCallLongCallPorts() {
    return new ArchCondition<>("not call a long-call port") {
      @Override
      public void check(TransactionContext context, ConditionEvents events) {
        Deque<Step> queue = new ArrayDeque<>();
        context.seeds().forEach(seed -> queue.add(new Step(seed, List.of(), 0)));
        Set<JavaCodeUnit> visited = new HashSet<>();
        while (!queue.isEmpty()) {
          Step step = queue.poll();
          JavaCodeUnitAccess<?> access = step.access();
          if (reachesLongCallPort(access.getTargetOwner())) {
            events.add(SimpleConditionEvent.violated(context, message(context, step)));
            continue;
          }
          Optional<? extends JavaCodeUnit> target = access.getTarget().resolveMember();
          if (target.isEmpty() || step.depth() >= MAX_DEPTH || !visited.add(target.get())) {
            continue;
          }
          JavaCodeUnit helper = target.get();
          if (followable(helper)) {
            List<String> path = new ArrayList<>(step.path());
            path.add(helper.getFullName());
            accessesOf(helper).forEach(next -> queue.add(new Step(next, path, step.depth() + 1)));
          }
        }
      }
    };
  }

  /** A method with a body in the hexagon's own imported code. */
  private boolean followable(JavaCodeUnit unit) {
    return Packages.within(unit.getOwner().getPackageName(), hexagon.root())
        && !unit.getModifiers().contains(JavaModifier.ABSTRACT)
        && !unit.getOwner().isInterface()
        && !isCallback(unit.getOwner());
  }

  private record Step(JavaCodeUnitAccess<?> access, List<String> path, int depth) {}

  private static String message(TransactionContext context, Step step) {
    JavaCodeUnitAccess<?> access = step.access();
    String via = step.path().isEmpty() ? "" : " via " + String.join(" -> ", step.path());
    return context.origin().getFullName()
        + " calls long-call port "
        + access.getTargetOwner().getName()
        + "."
        + access.getTarget().getName()
        + " inside a transaction ("
        + context.how()
        + ", "
        + context.origin().getOwner().getSimpleName()
        + ".java:"
        + context.line()
        + ")"
        + via
        + " "
        + access.getSourceCodeLocation();
  }

  private static Stream<JavaCodeUnitAccess<?>> accessesOf(JavaCodeUnit unit) {
    return Stream.concat(
        unit.getCallsFromSelf().stream(), unit.getCodeUnitReferencesFromSelf().stream());
  }

  private static boolean isReference(JavaCodeUnitAccess<?> access) {
    return access instanceof com.tngtech.archunit.core.domain.JavaCodeUnitReference<?>;
  }

  private static int firstLine(JavaCodeUnit unit) {
    return accessesOf(unit).mapToInt(JavaCodeUnitAccess::getLineNumber).min().orElse(0);
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
