package dev.shortlease.guardrails.rules;

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
 * Rule body: each adapter really depends on every technology it declares. Technology packages are
 * not imported, so this is how a misspelt one ({@code org.hiberante}) or a dead declaration is
 * caught: it would otherwise widen what the adapter may use for nothing.
 */
final class TechnologyUse {
  private TechnologyUse() {}

  /** One declared technology of one adapter, and whether the adapter's classes use it. */
  record Claim(Hexagon.Adapter adapter, Technology technology, boolean used) {}

  static ArchRule body(List<Hexagon.Adapter> adapters) {
    return all(claims(adapters))
        .should(beUsed())
        .because("a misspelt or dead declaration would confine nothing and allow too much");
  }

  private static AbstractClassesTransformer<Claim> claims(List<Hexagon.Adapter> adapters) {
    return new AbstractClassesTransformer<>("technologies declared by the adapters") {
      @Override
      public Iterable<Claim> doTransform(JavaClasses classes) {
        List<Claim> claims = new ArrayList<>();
        for (Hexagon.Adapter adapter : adapters) {
          for (Technology technology : adapter.technologies()) {
            claims.add(new Claim(adapter, technology, uses(classes, adapter, technology)));
          }
        }
        return claims;
      }
    };
  }

  private static boolean uses(JavaClasses classes, Hexagon.Adapter adapter, Technology technology) {
    for (JavaClass cls : classes) {
      if (!Packages.within(cls.getPackageName(), adapter.packageName())) {
        continue;
      }
      for (Dependency dependency : cls.getDirectDependenciesFromSelf()) {
        if (technology.contains(
            dependency.getTargetClass().getBaseComponentType().getPackageName())) {
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
                      + claim.adapter().packageName()
                      + " uses "
                      + claim.technology()
                      + " (misspelt technology package, or a dead declaration in adapter "
                      + claim.adapter().name()
                      + "?)"));
        }
      }
    };
  }
}
