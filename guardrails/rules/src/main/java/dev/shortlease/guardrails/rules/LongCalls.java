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
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
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
 *       com.tngtech.archunit.core.domain.JavaAccess#isDeclaredInLambda()}, without saying which
 *       lambda; {@link LambdaSites} reads the class file to tell which lambdas reach the callback
 *       call's arguments (directly, through a local variable, or wrapped by a call in the argument
 *       list), and what their bodies call.
 * </ol>
 *
 * From there, calls are followed into helper methods of imported classes (statically bound calls
 * whose target resolves to a method with a body), transitively. A call whose target is a long-call
 * port, or a class implementing one, is a violation; the message shows the path.
 *
 * <p>What it cannot see: calls through an interface other than the port (virtual dispatch to an
 * implementation is not followed), lambdas that reach the callback from another method or a field,
 * reflection, and code outside the import. The runtime long-call guard covers what this rule
 * misses.
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

  /**
   * The port itself, or a class implementing it (an adapter called directly); or a named library
   * type, or a subtype of one.
   */
  boolean reachesLongCallPort(JavaClass owner) {
    return isLongCallPort(owner)
        || owner.getAllRawInterfaces().stream().anyMatch(this::isLongCallPort)
        || isLibraryLongCall(owner);
  }

  /** The named library type this class is or extends, if any. */
  Optional<String> libraryLongCall(JavaClass owner) {
    List<String> named = hexagon.longCallLibraryTypes();
    return Stream.concat(
            Stream.of(owner),
            Stream.concat(
                owner.getAllRawInterfaces().stream(), owner.getAllRawSuperclasses().stream()))
        .map(JavaClass::getName)
        .filter(named::contains)
        .findFirst();
  }

  private boolean isLibraryLongCall(JavaClass owner) {
    return !hexagon.longCallLibraryTypes().isEmpty() && libraryLongCall(owner).isPresent();
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
          // Read the class file once, and only for a class that calls a callback.
          Supplier<LambdaSites> lambdas =
              memoize(
                  () -> LambdaSites.of(cls, name -> hexagon.transactionCallbacks().contains(name)));
          for (JavaCodeUnit unit : cls.getCodeUnits()) {
            transactional(unit).ifPresent(contexts::add);
            contexts.addAll(callbacks(unit, lambdas));
          }
        }
        return contexts;
      }
    };
  }

  private Optional<TransactionContext> transactional(JavaCodeUnit unit) {
    return TransactionalMarkers.opening(unit, hexagon.transactionalAnnotations())
        .map(
            a ->
                new TransactionContext(
                    unit,
                    firstLine(unit),
                    "annotated @" + a.getRawType().getSimpleName(),
                    accessesOf(unit).toList()));
  }

  private List<TransactionContext> callbacks(JavaCodeUnit unit, Supplier<LambdaSites> lambdas) {
    List<TransactionContext> contexts = new ArrayList<>();
    for (JavaMethodCall call : unit.getMethodCallsFromSelf()) {
      // Only method calls hand over work; constructing the callback object does not.
      if (!isCallback(call.getTargetOwner())) {
        continue;
      }
      Set<LambdaSites.Site> passed = lambdas.get().passedTo(site(call));
      List<JavaCodeUnitAccess<?>> inside =
          accessesOf(unit)
              .filter(a -> a != call && (a.isDeclaredInLambda() || isReference(a)))
              .filter(a -> passed.contains(site(a)))
              .toList();
      contexts.add(
          new TransactionContext(
              unit,
              call.getLineNumber(),
              "lambda passed to "
                  + call.getTargetOwner().getSimpleName()
                  + "."
                  + call.getTarget().getName(),
              inside));
    }
    return contexts;
  }

  private static LambdaSites.Site site(JavaCodeUnitAccess<?> access) {
    return new LambdaSites.Site(
        access.getLineNumber(), access.getTargetOwner().getName(), access.getTarget().getName());
  }

  private boolean isCallback(JavaClass owner) {
    return hexagon.transactionCallbacks().contains(owner.getName());
  }

  /** Fails once, at the end, for each named library type no imported code calls. */
  ArchCondition<JavaClass> callEveryLibraryLongCall() {
    Set<String> called = new HashSet<>();
    return new ArchCondition<>("call every long-call library type") {
      @Override
      public void init(Collection<JavaClass> all) {
        called.clear(); // a rule may be evaluated more than once
      }

      @Override
      public void check(JavaClass cls, ConditionEvents events) {
        cls.getAccessesFromSelf()
            .forEach(a -> libraryLongCall(a.getTargetOwner()).ifPresent(called::add));
      }

      @Override
      public void finish(ConditionEvents events) {
        for (String type : hexagon.longCallLibraryTypes()) {
          if (!called.contains(type)) {
            events.add(
                SimpleConditionEvent.violated(
                    type,
                    "long-call type "
                        + type
                        + " is named by alsoLongCalls but no imported code calls it (misspelt,"
                        + " or missing from the import?)"));
          }
        }
      }
    };
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

  private static <T> Supplier<T> memoize(Supplier<T> supplier) {
    List<T> value = new ArrayList<>(1);
    return () -> {
      if (value.isEmpty()) {
        value.add(supplier.get());
      }
      return value.get(0);
    };
  }

  private static int firstLine(JavaCodeUnit unit) {
    return accessesOf(unit).mapToInt(JavaCodeUnitAccess::getLineNumber).min().orElse(0);
  }
}
