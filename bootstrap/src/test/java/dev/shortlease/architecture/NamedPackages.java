package dev.shortlease.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.all;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.AbstractClassesTransformer;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;

/**
 * Rule guard: prefixes a rule with the check that every package it names holds imported classes,
 * and keeps {@code failOnEmptyShould} on, so a rule can never pass by looking at nothing.
 */
final class NamedPackages {
  private NamedPackages() {}

  /** A package the rule names, and whether the imported classes contain it. */
  record NamedPackage(String name, boolean imported) {}

  static ArchRule rule(List<String> packages, ArchRule body) {
    ArchRule exist =
        all(namedBy(packages)).should(containImportedClasses()).allowEmptyShould(false);
    return CompositeArchRule.of(exist)
        .and(body.allowEmptyShould(false))
        .as(body.getDescription())
        .allowEmptyShould(false);
  }

  private static AbstractClassesTransformer<NamedPackage> namedBy(List<String> packages) {
    return new AbstractClassesTransformer<>("packages named by the rule") {
      @Override
      public Iterable<NamedPackage> doTransform(JavaClasses classes) {
        return packages.stream()
            .distinct()
            .map(name -> new NamedPackage(name, classes.containPackage(name)))
            .toList();
      }
    };
  }

  private static ArchCondition<NamedPackage> containImportedClasses() {
    return new ArchCondition<>("contain imported classes") {
      @Override
      public void check(NamedPackage pkg, ConditionEvents events) {
        if (!pkg.imported()) {
          events.add(
              SimpleConditionEvent.violated(
                  pkg,
                  "package "
                      + pkg.name()
                      + " is named by the rule but no imported class is in it (misspelt?)"));
        }
      }
    };
  }
}
