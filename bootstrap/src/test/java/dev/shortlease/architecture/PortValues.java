package dev.shortlease.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rule body (R2): the exact allow-list of types a port method may take or return, type arguments
 * and array elements included:
 *
 * <ul>
 *   <li>primitives and {@code void};
 *   <li>{@link #JAVA_VALUES} and everything in {@code java.time};
 *   <li>records (typed IDs included), enums, interfaces and annotations of the value sources (the
 *       domain and the application's port packages);
 *   <li>the named exceptions (shortlease: {@code StopSignal}, a one-way cancellation flag).
 * </ul>
 */
final class PortValues {
  static final Set<String> JAVA_VALUES =
      Set.of(
          "java.lang.String",
          "java.lang.Boolean",
          "java.lang.Byte",
          "java.lang.Short",
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Float",
          "java.lang.Double",
          "java.lang.Character",
          "java.lang.Void",
          "java.math.BigDecimal",
          "java.math.BigInteger",
          "java.net.URI",
          "java.util.UUID",
          "java.util.Optional",
          "java.util.OptionalInt",
          "java.util.OptionalLong",
          "java.util.OptionalDouble",
          "java.util.List",
          "java.util.Set",
          "java.util.Map",
          "java.util.Collection");

  private final List<String> valueSources;
  private final Set<String> exceptions;

  PortValues(List<String> valueSources, Set<String> exceptions) {
    this.valueSources = List.copyOf(valueSources);
    this.exceptions = Set.copyOf(exceptions);
  }

  ArchCondition<JavaClass> onlyInSignatures() {
    return new ArchCondition<>("take and return only allowed value types") {
      @Override
      public void check(JavaClass port, ConditionEvents events) {
        for (JavaMethod method : port.getMethods()) {
          List<JavaType> types = new ArrayList<>(method.getParameterTypes());
          types.add(method.getReturnType());
          types.stream()
              .flatMap(type -> type.getAllInvolvedRawTypes().stream())
              .map(JavaClass::getBaseComponentType)
              .filter(raw -> !allowed(raw))
              .distinct()
              .forEach(
                  raw ->
                      events.add(
                          SimpleConditionEvent.violated(
                              method,
                              method.getDescription()
                                  + " uses "
                                  + raw.getName()
                                  + ", not an ID, record, enum, port interface or java.* value "
                                  + method.getSourceCodeLocation())));
        }
      }
    };
  }

  boolean allowed(JavaClass type) {
    String name = type.getName();
    if (type.isPrimitive() || JAVA_VALUES.contains(name) || exceptions.contains(name)) {
      return true;
    }
    if (type.getPackageName().equals("java.time")) {
      return true;
    }
    return fromValueSource(type) && (type.isRecord() || type.isEnum() || type.isInterface());
  }

  private boolean fromValueSource(JavaClass type) {
    String pkg = type.getPackageName();
    return valueSources.stream().anyMatch(src -> pkg.equals(src) || pkg.startsWith(src + "."));
  }
}
