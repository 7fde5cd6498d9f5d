package dev.shortlease.guardrails.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Rule bodies for long calls: where long-call types live and that none runs inside a transaction.
 */
final class LongCallRules extends RuleFactory {
  LongCallRules(Hexagon hexagon) {
    super(hexagon);
  }

  ArchRule longCallTypesAreApplicationInterfaces() {
    if (!hexagon.hasLongCallPorts()) {
      throw missing("long-call ports");
    }
    Optional<String> persistence =
        hexagon.persistencePorts().map(Hexagon.PersistencePorts::packageName);
    // The application ring, and out-port packages beside it (never in the domain).
    Stream<String> besideTheApplication =
        hexagon.outPorts().stream()
            .filter(p -> persistence.map(s -> !s.equals(p)).orElse(true))
            .filter(p -> hexagon.application().map(a -> !Packages.within(p, a)).orElse(true))
            .filter(p -> hexagon.domain().map(d -> !Packages.within(p, d)).orElse(true));
    List<String> homes =
        Stream.concat(hexagon.application().stream(), besideTheApplication).toList();
    List<String> notIn = persistence.map(List::of).orElse(List.of());
    return NamedParts.rule(
        "longCallTypesAreApplicationInterfaces: long-call types are interfaces in "
            + String.join(", ", homes)
            + persistence.map(p -> ", outside the persistence ports " + p).orElse(""),
        homes,
        classes()
            .that()
            .resideInAPackage(Packages.tree(hexagon.root()))
            .and(longCalls.longCallPort())
            .should()
            .beInterfaces()
            .andShould()
            .resideInAnyPackage(Packages.trees(homes))
            .andShould()
            .resideOutsideOfPackages(Packages.trees(notIn))
            .because(
                "the runtime guard proxies interfaces, and the domain never waits on a remote call"));
  }

  ArchRule longCallsOutsideTransactions() {
    if (!hexagon.hasLongCalls()
        || (hexagon.transactionCallbacks().isEmpty()
            && hexagon.transactionalAnnotations().isEmpty())) {
      throw missing("long-call ports and transaction callbacks or transactional annotations");
    }
    ArchRule portsExist =
        classes()
            .that()
            .resideInAPackage(Packages.tree(hexagon.root()))
            .and(longCalls.longCallPort())
            .should()
            .beInterfaces()
            .allowEmptyShould(false)
            .as("long-call ports exist");
    // Library types are not imported: each must at least be called, or a misspelt name passes.
    ArchRule libraryTypesCalled =
        classes()
            .that()
            .resideInAPackage(Packages.tree(hexagon.root()))
            .should(longCalls.callEveryLibraryLongCall())
            .as("long-call library types are called");
    ArchRule body =
        ArchRuleDefinition.all(longCalls.contexts())
            .should(longCalls.notCallLongCallPorts())
            .allowEmptyShould(false);
    return NamedParts.rule(
        "longCallsOutsideTransactions: no code that runs inside a transaction calls a long-call"
            + " port",
        List.of(hexagon.root()),
        namedInRoot(hexagon.transactionCallbacks()),
        (hexagon.hasLongCallPorts()
                ? CompositeArchRule.of(portsExist).and(libraryTypesCalled)
                : CompositeArchRule.of(libraryTypesCalled))
            .and(body)
            .as("long calls outside transactions")
            .because("a pooled connection must never be held while a remote call runs"));
  }
}
