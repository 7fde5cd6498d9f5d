package dev.shortlease.guardrails.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.all;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.AbstractClassesTransformer;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.Priority;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Rule guard: prefixes a rule with the check that every package it names holds imported classes and
 * every class it names was imported, and keeps {@code allowEmptyShould(false)}, so a rule can never
 * pass by looking at nothing (a misspelt package, a module missing from the import).
 */
final class NamedParts {
  private NamedParts() {}

  /**
   * Reports missing named parts alone when there are any (a misspelt package explains everything
   * else), and the rule's own violations otherwise.
   */
  private record Guarded(ArchRule exist, ArchRule body, String description) implements ArchRule {
    @Override
    public EvaluationResult evaluate(JavaClasses classes) {
      EvaluationResult result = new EvaluationResult(this, Priority.MEDIUM);
      EvaluationResult named = exist.evaluate(classes);
      if (named.hasViolation()) {
        result.add(named);
        return result;
      }
      try {
        result.add(body.evaluate(classes));
      } catch (AssertionError empty) {
        // ArchUnit's "failed to check any classes" quotes the body's description, without the
        // rule's name: a report that shows only a test's index would not say which rule it was.
        throw new AssertionError(description + ": " + empty.getMessage(), empty);
      }
      return result;
    }

    @Override
    public void check(JavaClasses classes) {
      ArchRule.Assertions.assertNoViolation(evaluate(classes));
    }

    @Override
    public ArchRule because(String reason) {
      return new Guarded(exist, body, description + ", because " + reason);
    }

    @Override
    public ArchRule allowEmptyShould(boolean allowEmptyShould) {
      return new Guarded(exist, body.allowEmptyShould(allowEmptyShould), description);
    }

    @Override
    public ArchRule as(String newDescription) {
      return new Guarded(exist, body, newDescription);
    }

    @Override
    public String getDescription() {
      return description;
    }

    @Override
    public String toString() {
      return description;
    }
  }

  /** A package or class the rule names, and whether the import contains it. */
  record Part(String kind, String name, boolean imported) {}

  static ArchRule rule(
      String description, List<String> packages, List<String> classes, ArchRule body) {
    ArchRule exist = all(namedBy(packages, classes)).should(beImported()).allowEmptyShould(true);
    // The body's "because" (its why) stays visible in the rule's own description.
    String bodyDescription = body.getDescription();
    int why = bodyDescription.lastIndexOf(", because ");
    String full = why < 0 ? description : description + bodyDescription.substring(why);
    return new Guarded(exist, body.allowEmptyShould(false), full);
  }

  static ArchRule rule(String description, List<String> packages, ArchRule body) {
    return rule(description, packages, List.of(), body);
  }

  private static AbstractClassesTransformer<Part> namedBy(
      List<String> packages, List<String> classes) {
    return new AbstractClassesTransformer<>("packages and classes named by the rule") {
      @Override
      public Iterable<Part> doTransform(JavaClasses imported) {
        List<Part> parts = new ArrayList<>();
        packages.stream()
            .distinct()
            .forEach(name -> parts.add(new Part("package", name, imported.containPackage(name))));
        classes.stream()
            .distinct()
            .forEach(name -> parts.add(new Part("class", name, imported.contain(name))));
        return parts;
      }
    };
  }

  private static ArchCondition<Part> beImported() {
    return new ArchCondition<>("be imported") {
      @Override
      public void check(Part part, ConditionEvents events) {
        if (!part.imported()) {
          String what =
              part.kind().equals("package") ? "no imported class is in it" : "it was not imported";
          events.add(
              SimpleConditionEvent.violated(
                  part,
                  part.kind()
                      + " "
                      + part.name()
                      + " is named by the rule but "
                      + what
                      + " (misspelt, or missing from the import?)"));
        }
      }
    };
  }
}
