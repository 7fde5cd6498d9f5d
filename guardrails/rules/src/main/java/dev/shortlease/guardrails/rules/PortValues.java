package dev.shortlease.guardrails.rules;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvent;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rule body: the exact allow-list of types a port method may take or return, type arguments and
 * array elements included:
 *
 * <ul>
 *   <li>primitives and {@code void}; {@link #JAVA_VALUES}; everything in {@code java.time};
 *   <li>records and enums of the value sources (the domain and the port packages), and sealed
 *       interfaces there whose permitted subclasses are all such values;
 *   <li>the hexagon's extra {@linkplain Hexagon#portValues() port values} and {@linkplain
 *       Hexagon#handles() handles} (interfaces accepted on purpose: live handles, callbacks).
 * </ul>
 *
 * Anything else, a plain interface of the hexagon included, is reported.
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
          "java.util.Locale",
          "java.util.Optional",
          "java.util.OptionalInt",
          "java.util.OptionalLong",
          "java.util.OptionalDouble",
          "java.util.List",
          "java.util.Set",
          "java.util.Map",
          "java.util.Collection");

  private final List<String> valueSources;
  private final Set<String> extras;
  private final Set<String> handles;

  PortValues(Hexagon hexagon) {
    this.valueSources = hexagon.valueSources();
    this.extras = hexagon.portValues();
    this.handles = hexagon.handles();
  }

  ArchCondition<JavaClass> onlyInSignatures() {
    return new ArchCondition<>("take and return only values, IDs and declared handles") {
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
              .forEach(raw -> events.add(violation(method, raw)));
        }
      }
    };
  }

  private ConditionEvent violation(JavaMethod method, JavaClass raw) {
    String hint =
        raw.isInterface() && fromValueSource(raw)
            ? ", an interface that is no value: if it is a live handle or callback on purpose,"
                + " declare it with Hexagon.Builder.handles(\""
                + raw.getName()
                + "\")"
            : ", not an ID, record, enum, declared handle or java.* value";
    return SimpleConditionEvent.violated(
        method,
        method.getDescription()
            + " uses "
            + raw.getName()
            + hint
            + " "
            + method.getSourceCodeLocation());
  }

  boolean allowed(JavaClass type) {
    String name = type.getName();
    if (type.isPrimitive()
        || JAVA_VALUES.contains(name)
        || extras.contains(name)
        || handles.contains(name)
        || type.getPackageName().equals("java.time")) {
      return true;
    }
    return fromValueSource(type) && isValue(type, 0);
  }

  /** Records, enums, and sealed interfaces that permit only values. */
  boolean isValue(JavaClass type, int depth) {
    if (type.isRecord() || type.isEnum()) {
      return true;
    }
    if (depth > 4 || !type.isInterface() || type.isAnnotation() || !type.isSealed()) {
      return false;
    }
    Set<JavaClass> permitted = type.getPermittedSubclasses().orElse(Set.of());
    return !permitted.isEmpty() && permitted.stream().allMatch(sub -> isValue(sub, depth + 1));
  }

  private boolean fromValueSource(JavaClass type) {
    return Packages.withinAny(type.getPackageName(), valueSources);
  }
}
