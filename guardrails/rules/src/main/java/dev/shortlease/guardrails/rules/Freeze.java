package dev.shortlease.guardrails.rules;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import java.util.List;

/**
 * Adoption on a legacy codebase: ArchUnit's {@link FreezingArchRule} around the hexagon's rules.
 * The first run records today's violations in a store; later runs fail only on new ones, and fixed
 * ones drop out of the store.
 *
 * <p>The store is configured in {@code archunit.properties} on the test classpath (or as {@code
 * -Darchunit.<key>=...} system properties):
 *
 * <pre>
 * freeze.store.default.path=src/test/resources/archunit_store     # commit this directory
 * freeze.store.default.allowStoreCreation=true                     # false in CI: a missing store fails
 * freeze.store.default.allowStoreUpdate=true                       # false in CI: the store is read-only
 * </pre>
 *
 * ArchUnit's default path is {@code archunit_store} in the working directory. A frozen rule is
 * keyed by its description, which starts with the rule's stable name.
 */
public final class Freeze {
  /** Where the kit documents the store, relative to the module: commit it. */
  public static final String STORE_PATH = "src/test/resources/archunit_store";

  private Freeze() {}

  /** {@code rule}, failing only on violations not yet recorded in the store. */
  public static ArchRule frozen(ArchRule rule) {
    return FreezingArchRule.freeze(rule);
  }

  /** Every rule of {@code rules}, each frozen on its own (so each has its own store entry). */
  public static List<ArchRule> frozen(HexagonRules rules) {
    return rules.all().stream().map(Freeze::frozen).toList();
  }
}
