package dev.shortlease.guardrails.testkit;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What a port may take and return: immutable values that carry no session, connection or framework
 * state. Standard: primitives, {@code String}, boxed primitives, {@code BigDecimal}, {@code
 * BigInteger}, {@code UUID}, {@code URI}, everything in {@code java.time}, the {@code Optional}s,
 * {@code List}/{@code Set}/{@code Map}/{@code Collection} (their type arguments checked), arrays of
 * plain values, enums, records whose components are plain, and sealed interfaces whose permitted
 * types are plain. Anything else (a mutable class, a callback interface) must be allowed by name.
 *
 * <p>At run time ({@link #problemsOfValue}) a returned object must also not be a JPA entity, a
 * Hibernate object, or of a {@linkplain #forbiddingPackages forbidden package} (the adapter's own).
 */
public final class PlainValues {
  private static final Set<Class<?>> STANDARD =
      Set.of(
          String.class,
          Boolean.class,
          Byte.class,
          Short.class,
          Integer.class,
          Long.class,
          Float.class,
          Double.class,
          Character.class,
          Void.class,
          BigDecimal.class,
          BigInteger.class,
          UUID.class,
          URI.class,
          OptionalInt.class,
          OptionalLong.class,
          OptionalDouble.class);
  private static final Set<Class<?>> CONTAINERS =
      Set.of(
          Optional.class,
          List.class,
          Set.class,
          Map.class,
          Collection.class,
          SortedSet.class,
          SortedMap.class);
  private static final List<String> NEVER_RETURNED =
      List.of("org.hibernate.", "jakarta.persistence.", "javax.persistence.");

  private final List<Predicate<Class<?>>> allowed;
  private final List<String> forbiddenPackages;

  private PlainValues(List<Predicate<Class<?>>> allowed, List<String> forbiddenPackages) {
    this.allowed = List.copyOf(allowed);
    this.forbiddenPackages = List.copyOf(forbiddenPackages);
  }

  public static PlainValues standard() {
    return new PlainValues(List.of(), List.of());
  }

  /** Also accepts these types (a one-way callback such as a token sink or a stop signal). */
  public PlainValues allowing(Class<?>... types) {
    Set<Class<?>> set = Set.of(types);
    return allowing(set::contains);
  }

  /** Also accepts every type in these packages (prefixes, e.g. {@code "com.example.domain."}). */
  public PlainValues allowingPackages(String... prefixes) {
    List<String> list = List.of(prefixes);
    return allowing(type -> list.stream().anyMatch(type.getName()::startsWith));
  }

  /** Also accepts the types {@code rule} accepts. */
  public PlainValues allowing(Predicate<Class<?>> rule) {
    List<Predicate<Class<?>>> all = new ArrayList<>(allowed);
    all.add(rule);
    return new PlainValues(all, forbiddenPackages);
  }

  /** At run time, no returned object may be of a class in these packages (the adapter's own). */
  public PlainValues forbiddingPackages(String... prefixes) {
    List<String> all = new ArrayList<>(forbiddenPackages);
    all.addAll(List.of(prefixes));
    return new PlainValues(allowed, all);
  }

  /** One line per parameter or return type of {@code port}'s methods that is not plain. */
  public List<String> problemsOf(Class<?> port) {
    List<String> problems = new ArrayList<>();
    for (Method method : port.getMethods()) {
      if (method.isSynthetic()
          || method.getDeclaringClass() == Object.class
          || (!port.isInterface() && Modifier.isStatic(method.getModifiers()))) {
        continue; // a class's static helpers are not what its callers receive
      }
      String where = port.getSimpleName() + "." + method.getName();
      Type[] parameters = method.getGenericParameterTypes();
      for (int i = 0; i < parameters.length; i++) {
        check(
            parameters[i],
            where + " parameter " + i + " (" + parameters[i].getTypeName() + ")",
            problems,
            new HashSet<>());
      }
      check(
          method.getGenericReturnType(),
          where + " returns " + method.getGenericReturnType().getTypeName(),
          problems,
          new HashSet<>());
    }
    return problems;
  }

  private void check(Type type, String where, List<String> problems, Set<Type> seen) {
    check(type, Map.of(), where, problems, seen);
  }

  /** {@code bindings}: the actual type arguments of the generic record being looked into. */
  private void check(
      Type type,
      Map<TypeVariable<?>, Type> bindings,
      String where,
      List<String> problems,
      Set<Type> seen) {
    if (!seen.add(type)) {
      return;
    }
    switch (type) {
      case Class<?> cls -> checkClass(cls, Map.of(), where, problems, seen);
      case ParameterizedType parameterized -> {
        Type[] arguments = parameterized.getActualTypeArguments();
        Map<TypeVariable<?>, Type> resolved = new HashMap<>();
        for (int i = 0; i < arguments.length; i++) {
          Type argument = resolve(arguments[i], bindings);
          resolved.put(((Class<?>) parameterized.getRawType()).getTypeParameters()[i], argument);
          check(argument, bindings, where, problems, seen);
        }
        checkClass((Class<?>) parameterized.getRawType(), resolved, where, problems, seen);
      }
      case GenericArrayType array ->
          check(array.getGenericComponentType(), bindings, where, problems, seen);
      case WildcardType wildcard -> {
        for (Type bound : wildcard.getUpperBounds()) {
          check(bound, bindings, where, problems, seen);
        }
      }
      case TypeVariable<?> variable -> {
        if (bindings.containsKey(variable)) {
          check(bindings.get(variable), Map.of(), where, problems, seen);
        } else {
          for (Type bound : variable.getBounds()) {
            check(bound, bindings, where, problems, seen);
          }
        }
      }
      default -> problems.add(where + ": " + type.getTypeName() + " is not a plain value");
    }
  }

  private static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
    return type instanceof TypeVariable<?> variable && bindings.containsKey(variable)
        ? bindings.get(variable)
        : type;
  }

  private void checkClass(
      Class<?> cls,
      Map<TypeVariable<?>, Type> bindings,
      String where,
      List<String> problems,
      Set<Type> seen) {
    if (cls.isPrimitive()
        || STANDARD.contains(cls)
        || CONTAINERS.contains(cls)
        || cls.getPackageName().equals("java.time")
        || cls.isEnum()
        || isAllowed(cls)) {
      return;
    }
    if (cls.isArray()) {
      check(cls.getComponentType(), bindings, where, problems, seen);
    } else if (cls.isRecord()) {
      for (RecordComponent component : cls.getRecordComponents()) {
        // A generic record's components are judged with its actual type arguments, once per use.
        Set<Type> local = bindings.isEmpty() ? seen : new HashSet<>(seen);
        check(component.getGenericType(), bindings, where, problems, local);
      }
    } else if (cls.isSealed()) {
      for (Class<?> permitted : cls.getPermittedSubclasses()) {
        check(permitted, bindings, where, problems, seen);
      }
    } else if (isEntity(cls)) {
      // never "allow it by name": managed state crossing a port is the mistake itself
      problems.add(
          where
              + ": "
              + cls.getName()
              + " is a JPA entity, never a plain value (lazy fields load, or fail, wherever it"
              + " is read); return a record mapped from it inside the persistence adapter");
    } else {
      String kind = cls.isInterface() ? "an interface" : "a class";
      problems.add(
          where
              + ": "
              + cls.getName()
              + " is not a plain value ("
              + kind
              + ", neither a record, an enum nor a standard value type; allow it by name if it"
              + " is deliberate)");
    }
  }

  private boolean isAllowed(Class<?> cls) {
    return allowed.stream().anyMatch(rule -> rule.test(cls));
  }

  /** One line per object reachable from {@code value} that a port must never hand out. */
  public List<String> problemsOfValue(Object value, String where) {
    List<String> problems = new ArrayList<>();
    checkValue(
        value,
        where,
        problems,
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    return problems;
  }

  private void checkValue(Object value, String where, List<String> problems, Set<Object> seen) {
    if (value == null || !seen.add(value)) {
      return;
    }
    Class<?> type = value.getClass();
    String name = type.getName();
    boolean entity = isEntity(type);
    if (entity
        || NEVER_RETURNED.stream().anyMatch(name::startsWith)
        || forbiddenPackages.stream().anyMatch(name::startsWith)) {
      problems.add(where + " handed out a " + name + (entity ? " (an entity)" : ""));
      return;
    }
    Stream<?> children =
        switch (value) {
          case Collection<?> c -> c.stream();
          case Map<?, ?> m -> Stream.concat(m.keySet().stream(), m.values().stream());
          case Optional<?> o -> o.stream();
          case Record r -> Stream.of(type.getRecordComponents()).map(c -> read(c, r));
          default ->
              type.isArray() && !type.getComponentType().isPrimitive()
                  ? Stream.of((Object[]) value)
                  : Stream.empty();
        };
    children.forEach(child -> checkValue(child, where, problems, seen));
  }

  /**
   * Annotated {@code @Entity}, or a subclass of such a class: {@code @Entity} is not inherited, and
   * a lazy proxy (Hibernate's {@code OrderEntity$HibernateProxy}) is an unannotated subclass.
   */
  private static boolean isEntity(Class<?> type) {
    for (Class<?> cls = type; cls != null; cls = cls.getSuperclass()) {
      boolean annotated =
          Stream.of(cls.getDeclaredAnnotations())
              .anyMatch(
                  a ->
                      a.annotationType().getSimpleName().equals("Entity")
                          && NEVER_RETURNED.stream()
                              .anyMatch(a.annotationType().getName()::startsWith));
      if (annotated) {
        return true;
      }
    }
    return false;
  }

  private static Object read(RecordComponent component, Record record) {
    try {
      Method accessor = component.getAccessor();
      accessor.setAccessible(true);
      return accessor.invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + component, e);
    }
  }
}
