package dev.shortlease.guardrails.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Which lambdas reach a callback's arguments, read from the bytecode javac writes. */
class LambdaSitesTest {
  /** A stand-in transaction callback. */
  static final class Tx {
    <T> T call(Supplier<T> work) {
      return work.get();
    }

    <T> T call(Duration timeout, Supplier<T> work) {
      return work.get();
    }

    void run(long budget, double share, Runnable work) {
      work.run();
    }
  }

  /** Each method names, in the method it calls, whether the call runs inside the transaction. */
  @SuppressWarnings("unused")
  static final class Samples {
    String afterAnArgument(Tx tx) {
      return tx.call(
          Duration.ofSeconds(5),
          () -> inFormatted("an argument long enough for one argument a line, as formatted"));
    }

    String throughAVariable(Tx tx) {
      Supplier<String> work = () -> inVariable();
      return tx.call(work);
    }

    String wrapped(Tx tx) {
      return tx.call(retrying(() -> inWrapped()));
    }

    String nested(Tx tx) {
      return tx.call(() -> Stream.of(1).map(i -> inNested()).findFirst().orElseThrow());
    }

    void callbackInALambda(Tx tx, Executor executor) {
      executor.execute(() -> tx.call(() -> inCallbackInALambda()));
    }

    String conditional(Tx tx, boolean quick) {
      return tx.call(quick ? () -> inThen() : () -> inElse());
    }

    String tryCatch(Tx tx) {
      try {
        return tx.call(() -> inTry());
      } catch (RuntimeException e) {
        return tx.call(() -> inCatch());
      }
    }

    void wideArguments(Tx tx) {
      tx.run(5L, 0.5, () -> inWide());
    }

    String reference(Tx tx) {
      return tx.call(this::inReference);
    }

    Supplier<String> notPassed(Tx tx) {
      List<String> answers = Stream.of("q").map(q -> outBefore()).toList();
      String first = tx.call(() -> answers.get(0));
      Supplier<String> later = () -> outAfter(first);
      return later;
    }

    private static <T> Supplier<T> retrying(Supplier<T> work) {
      return work;
    }

    private String inFormatted(String text) {
      return text;
    }

    private String inVariable() {
      return "";
    }

    private String inWrapped() {
      return "";
    }

    private String inNested() {
      return "";
    }

    private String inCallbackInALambda() {
      return "";
    }

    private String inThen() {
      return "";
    }

    private String inElse() {
      return "";
    }

    private String inTry() {
      return "";
    }

    private String inCatch() {
      return "";
    }

    private void inWide() {}

    private String inReference() {
      return "";
    }

    private String outBefore() {
      return "";
    }

    private String outAfter(String first) {
      return first;
    }
  }

  @Test
  void findsExactlyTheLambdasPassedToTheCallback() {
    JavaClass samples = new ClassFileImporter().importClasses(Samples.class).get(Samples.class);
    LambdaSites sites = LambdaSites.of(samples, Tx.class.getName()::equals);

    Set<String> passed = new HashSet<>();
    samples.getCodeUnits().stream()
        .flatMap(unit -> unit.getMethodCallsFromSelf().stream())
        .filter(call -> call.getTargetOwner().isEquivalentTo(Tx.class))
        .forEach(call -> sites.passedTo(site(call)).forEach(s -> passed.add(s.name())));

    assertThat(passed.stream().filter(n -> n.startsWith("in") || n.startsWith("out")))
        .containsExactlyInAnyOrder(
            "inFormatted",
            "inVariable",
            "inWrapped",
            "inNested",
            "inCallbackInALambda",
            "inThen",
            "inElse",
            "inTry",
            "inCatch",
            "inWide",
            "inReference");
  }

  private static LambdaSites.Site site(JavaMethodCall call) {
    return new LambdaSites.Site(
        call.getLineNumber(), call.getTargetOwner().getName(), call.getTarget().getName());
  }
}
