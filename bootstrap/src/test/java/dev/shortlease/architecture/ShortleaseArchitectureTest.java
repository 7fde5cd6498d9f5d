package dev.shortlease.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rule wrapper itself: layout, package checks, and that nothing passes vacuously. */
class ShortleaseArchitectureTest {
  private static final String FIXTURES = "dev.shortlease.architecture.fixtures";

  @Test
  @DisplayName("the layout follows the module diagram under any root package")
  void layoutUnderAnyRoot() {
    ShortleaseArchitecture acme = ShortleaseArchitecture.of("com.acme.chat");

    assertThat(acme.domainPackage()).isEqualTo("com.acme.chat.domain");
    assertThat(acme.applicationPackage()).isEqualTo("com.acme.chat.application");
    assertThat(acme.adapters())
        .extracting(ShortleaseArchitecture.Adapter::packageName)
        .containsExactly(
            "com.acme.chat.adapter.persistence",
            "com.acme.chat.adapter.llm",
            "com.acme.chat.adapter.web");
    assertThat(acme.adapters().getFirst().technologies())
        .containsExactly(
            "jakarta.persistence", "org.hibernate", "java.sql", "javax.sql", "com.zaxxer");
    assertThat(acme.rules())
        .extracting(ArchRule::getDescription)
        .doesNotHaveDuplicates()
        .allSatisfy(description -> assertThat(description).isNotBlank());
  }

  @Test
  @DisplayName("every rule fails on an empty import instead of passing vacuously")
  void everyRuleFailsOnNothing() {
    JavaClasses nothing = new ClassFileImporter().importClasses(List.of());

    for (ArchRule rule : ShortleaseArchitecture.of("dev.shortlease").rules()) {
      assertThatThrownBy(() -> rule.check(nothing))
          .as(rule.getDescription())
          .isInstanceOf(AssertionError.class);
    }
  }

  @Test
  @DisplayName("a package named by a rule but absent from the import is reported by name")
  void absentPackagesAreReported() {
    JavaClasses domainOnly = new ClassFileImporter().importPackages(FIXTURES + ".domainleak");
    ArchRule rule =
        ShortleaseArchitecture.of(FIXTURES + ".domainleak").technologyStaysInItsAdapter("llm");

    assertThatThrownBy(() -> rule.check(domainOnly))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "package "
                + FIXTURES
                + ".domainleak.adapter.llm is named by the rule but no imported class is in it");
  }

  @Test
  @DisplayName("bad roots and unknown adapters are refused at once")
  void refusesBadInput() {
    assertThatThrownBy(() -> ShortleaseArchitecture.of("Dev.Shortlease"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ShortleaseArchitecture.of(""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> ShortleaseArchitecture.of("dev.shortlease").technologyStaysInItsAdapter("nosql"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("persistence");
  }

  @Test
  @DisplayName("an adapter must declare the technology it owns")
  void adapterNeedsTechnology() {
    assertThatThrownBy(() -> new ShortleaseArchitecture.Adapter("web", "x.adapter.web", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
