package dev.shortlease.guardrails.rules;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rule body: no entity type (also as a type argument or array element) in a field, parameter or
 * return type that code in another package can see.
 */
final class EntityExposure {
  private EntityExposure() {}

  /** Public or protected, and so is every enclosing class. */
  static final DescribedPredicate<JavaClass> REACHABLE_FROM_OTHER_PACKAGES =
      DescribedPredicate.describe(
          "are reachable from other packages", EntityExposure::reachableFromOtherPackages);

  static DescribedPredicate<JavaClass> entity(List<String> annotations) {
    return DescribedPredicate.describe(
        "are annotated with " + String.join(" or ", annotations),
        cls -> isEntity(cls, annotations));
  }

  static boolean isEntity(JavaClass cls, List<String> annotations) {
    return annotations.stream().anyMatch(cls::isAnnotatedWith);
  }

  static ArchCondition<JavaClass> notExposeEntities(List<String> annotations) {
    return new ArchCondition<>("not expose entity types in public or protected signatures") {
      @Override
      public void check(JavaClass cls, ConditionEvents events) {
        for (JavaField field : cls.getFields()) {
          if (visible(field)) {
            report(field, List.of(field.getType()), annotations, events);
          }
        }
        for (JavaCodeUnit codeUnit : cls.getCodeUnits()) {
          if (visible(codeUnit)) {
            List<JavaType> types = new ArrayList<>(codeUnit.getParameterTypes());
            types.add(codeUnit.getReturnType());
            report(codeUnit, types, annotations, events);
          }
        }
      }
    };
  }

  private static void report(
      JavaMember member, List<JavaType> types, List<String> annotations, ConditionEvents events) {
    types.stream()
        .flatMap(type -> type.getAllInvolvedRawTypes().stream())
        .map(JavaClass::getBaseComponentType)
        .filter(raw -> isEntity(raw, annotations))
        .distinct()
        .forEach(
            entity ->
                events.add(
                    SimpleConditionEvent.violated(
                        member,
                        member.getDescription()
                            + " exposes entity "
                            + entity.getName()
                            + " "
                            + member.getSourceCodeLocation())));
  }

  private static boolean visible(JavaMember member) {
    Set<JavaModifier> modifiers = member.getModifiers();
    return !modifiers.contains(JavaModifier.SYNTHETIC)
        && (modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED));
  }

  private static boolean reachableFromOtherPackages(JavaClass cls) {
    Set<JavaModifier> modifiers = cls.getModifiers();
    boolean open =
        modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    return open
        && cls.getEnclosingClass().map(EntityExposure::reachableFromOtherPackages).orElse(true);
  }
}
