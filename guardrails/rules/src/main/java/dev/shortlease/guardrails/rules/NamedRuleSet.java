package dev.shortlease.guardrails.rules;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.Priority;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rules library: several named rules checked as one, whose report starts each violation with the
 * name of the rule it broke ({@code [adaptersDoNotDependOnEachOther] Constructor <…>}). ArchUnit's
 * {@code CompositeArchRule} reports only its own description, so a reader of one {@code @ArchTest}
 * field could not tell which rule failed.
 */
final class NamedRuleSet implements ArchRule {
  private final Map<String, ArchRule> rules;
  private final String description;

  NamedRuleSet(Map<String, ArchRule> rules, String description) {
    this.rules = new LinkedHashMap<>(rules);
    this.description = description;
  }

  @Override
  public EvaluationResult evaluate(JavaClasses classes) {
    ConditionEvents events = ConditionEvents.Factory.create();
    rules.forEach(
        (name, rule) -> {
          try {
            EvaluationResult result = rule.evaluate(classes);
            for (String line : result.getFailureReport().getDetails()) {
              events.add(SimpleConditionEvent.violated(rule, "[" + name + "] " + line));
            }
          } catch (AssertionError vacuous) { // a rule whose subject matched nothing
            events.add(
                SimpleConditionEvent.violated(rule, "[" + name + "] " + vacuous.getMessage()));
          }
        });
    return new EvaluationResult(this, events, Priority.MEDIUM);
  }

  @Override
  public void check(JavaClasses classes) {
    Assertions.assertNoViolation(evaluate(classes));
  }

  @Override
  public ArchRule because(String reason) {
    return new NamedRuleSet(rules, description + ", because " + reason);
  }

  @Override
  public ArchRule allowEmptyShould(boolean allow) {
    Map<String, ArchRule> changed = new LinkedHashMap<>();
    rules.forEach((name, rule) -> changed.put(name, rule.allowEmptyShould(allow)));
    return new NamedRuleSet(changed, description);
  }

  @Override
  public ArchRule as(String newDescription) {
    return new NamedRuleSet(rules, newDescription);
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
