package dev.shortlease.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.all;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.AbstractClassesTransformer;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Rule body: each adapter really depends on every technology package it declares. Technology
 * packages are not imported, so this is how a misspelt one ({@code org.hiberante}) is caught.
 */
final class TechnologyUse {
  private TechnologyUse() {}

  /** One declared technology of one adapter, and whether the adapter's classes use it. */
  record Claim(String adapterPackage, String technology, boolean used) {}

  static ArchRule rule(List<ShortleaseArchitecture.Adapter> adapters) {
    return all(claims(adapters))
        .should(beUsed())
        .allowEmptyShould(false)
        .as("each adapter uses every technology it is declared to own");
  }

  private static AbstractClassesTransformer<Claim> claims(
      List<ShortleaseArchitecture.Adapter> adapters) {
    return new AbstractClassesTransformer<>("technologies declared by the adapters") {
      @Override
      public Iterable<Claim> doTransform(JavaClasses classes) {
        List<Claim> claims = new ArrayList<>();
        for (ShortleaseArchitecture.Adapter adapter : adapters) {
          for (String technology : adapter.technologies()) {
            claims.add(
                new Claim(adapter.packageName(), technology, uses(classes, adapter, technology)));
          }
        }
        return claims;
      }
    };
  }

  private static boolean uses(
      JavaClasses classes, ShortleaseArchitecture.Adapter adapter, String technology) {
    String prefix = adapter.packageName() + ".";
    for (JavaClass cls : classes) {
      if (!cls.getPackageName().equals(adapter.packageName())
          && !cls.getPackageName().startsWith(prefix)) {
        continue;
      }
      for (Dependency dependency : cls.getDirectDependenciesFromSelf()) {
        String target = dependency.getTargetClass().getBaseComponentType().getPackageName();
        if (target.equals(technology) || target.startsWith(technology + ".")) {
          return true;
        }
      }
    }
    return false;
  }

  private static ArchCondition<Claim> beUsed() {
    return new ArchCondition<>("be used") {
      @Override
      public void check(Claim claim, ConditionEvents events) {
        if (!claim.used()) {
          events.add(
              SimpleConditionEvent.violated(
                  claim,
                  "no class in "
                      + claim.adapterPackage()
                      + " uses "
                      + claim.technology()
                      + " (misspelt technology package, or a dead declaration?)"));
        }
      }
    };
  }
}
