package dev.shortlease.guardrails.rules;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Rule body: each checked class's simple name is used by no other checked class. */
final class UniqueNames {
  private UniqueNames() {}

  static ArchCondition<JavaClass> haveAUniqueSimpleName() {
    return new ArchCondition<>("have a simple name no other class has") {
      private final Map<String, List<JavaClass>> byName = new TreeMap<>();

      @Override
      public void init(Collection<JavaClass> all) {
        byName.clear();
        all.forEach(
            cls -> byName.computeIfAbsent(cls.getSimpleName(), n -> new ArrayList<>()).add(cls));
      }

      @Override
      public void check(JavaClass cls, ConditionEvents events) {
        List<JavaClass> same = byName.getOrDefault(cls.getSimpleName(), List.of());
        if (same.size() > 1) {
          List<String> others =
              same.stream().filter(o -> o != cls).map(JavaClass::getName).toList();
          events.add(
              SimpleConditionEvent.violated(
                  cls, "class " + cls.getName() + " shares its simple name with " + others));
        }
      }
    };
  }
}
