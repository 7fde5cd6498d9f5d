package dev.shortlease.guardrails.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adoption on a legacy codebase: frozen rules accept recorded violations and only those. */
class FreezeTest {
  private static final String ROOT = RuleFixturesTest.FIXTURES + ".domainleak";
  private static final String BAD = ROOT + ".domain.BadRecord";

  @TempDir Path store;

  @AfterEach
  void resetConfiguration() {
    ArchConfiguration.get().reset();
  }

  private void storeAt(Path path, boolean allowCreation) {
    ArchConfiguration configuration = ArchConfiguration.get();
    configuration.setProperty("freeze.store.default.path", path.toString());
    configuration.setProperty(
        "freeze.store.default.allowStoreCreation", String.valueOf(allowCreation));
    configuration.setProperty("freeze.store.default.allowStoreUpdate", "true");
  }

  private static ArchRule domainRule() {
    return HexagonRules.of(Hexagon.describe(ROOT).build()).domainDependsOnJavaOnly();
  }

  @Test
  @DisplayName("today's violations are recorded and accepted; a new one fails")
  void recordedViolationsPassNewOnesFail() {
    storeAt(store, true);
    JavaClasses legacy = new ClassFileImporter().importPackages(ROOT);
    JavaClasses clean = legacy.that(DescribedPredicate.not(HasName.Predicates.name(BAD)));

    Freeze.frozen(domainRule()).check(legacy);
    Freeze.frozen(domainRule()).check(legacy);
    assertThat(store.toFile().list()).isNotEmpty();

    Path other = store.resolve("fresh");
    storeAt(other, true);
    Freeze.frozen(domainRule()).check(clean);
    assertThatThrownBy(() -> Freeze.frozen(domainRule()).check(legacy))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(BAD);
  }

  @Test
  @DisplayName("in CI (store creation off) a missing store fails instead of recording everything")
  void strictModeRefusesAMissingStore() {
    storeAt(store.resolve("absent"), false);
    JavaClasses legacy = new ClassFileImporter().importPackages(ROOT);

    assertThatThrownBy(() -> Freeze.frozen(domainRule()).check(legacy))
        .hasMessageContaining("allowStoreCreation");
  }

  @Test
  @DisplayName("freezing a rule set freezes each rule on its own")
  void freezesEachRule() {
    HexagonRules rules = HexagonRules.of(HexagonRulesTest.cleanService());

    assertThat(Freeze.frozen(rules))
        .hasSameSizeAs(rules.all())
        .allSatisfy(
            rule -> assertThat(rule.getClass().getSimpleName()).isEqualTo("FreezingArchRule"));
  }
}
