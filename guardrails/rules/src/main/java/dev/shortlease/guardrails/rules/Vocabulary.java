package dev.shortlease.guardrails.rules;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Rule body: no class, method or field name contains one of the given words (whole camel-case or
 * snake-case words, case-insensitive). Used to keep protocol and format vocabulary ({@code wire},
 * {@code json}, {@code http}) in the adapters, where translating it is their job.
 */
final class Vocabulary {
  private static final String WORD_BREAK = "(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|[_$]+";

  private final List<String> words;

  Vocabulary(List<String> words) {
    this.words = words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
  }

  ArchCondition<JavaClass> notBeSpoken() {
    return new ArchCondition<>("not use the words " + words + " in names") {
      @Override
      public void check(JavaClass cls, ConditionEvents events) {
        if (!cls.isAnonymousClass()) {
          found(cls.getSimpleName())
              .ifPresent(
                  word ->
                      events.add(
                          SimpleConditionEvent.violated(
                              cls, "class " + cls.getName() + " is named with '" + word + "'")));
        }
        Stream.concat(cls.getFields().stream(), cls.getCodeUnits().stream())
            .filter(Vocabulary::written)
            .forEach(
                member ->
                    found(member.getName())
                        .ifPresent(
                            word ->
                                events.add(
                                    SimpleConditionEvent.violated(
                                        member,
                                        member.getDescription()
                                            + " is named with '"
                                            + word
                                            + "' "
                                            + member.getSourceCodeLocation()))));
      }
    };
  }

  private static boolean written(JavaMember member) {
    return !member.getModifiers().contains(JavaModifier.SYNTHETIC)
        && !member.getName().startsWith("lambda$")
        && !member.getName().startsWith("<");
  }

  Optional<String> found(String identifier) {
    return Arrays.stream(identifier.split(WORD_BREAK))
        .map(w -> w.toLowerCase(Locale.ROOT))
        .filter(words::contains)
        .findFirst();
  }
}
