package dev.shortlease.guardrails.rules;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A session (JPA {@code EntityManager}, Hibernate {@code Session}, a JDBC {@code Connection}) kept
 * in a field. A field outlives the call that opened the session: in a singleton it is shared by
 * every request (none of these is thread-safe), and the session keeps its connection or its
 * persistence context for as long as the object lives.
 */
final class SessionFields {
  static final List<String> SESSION_TYPES =
      List.of(
          "jakarta.persistence.EntityManager",
          "javax.persistence.EntityManager",
          "org.hibernate.SharedSessionContract",
          "java.sql.Connection");

  /** Injected by a container as a thread-bound proxy: a field is how it is meant to be held. */
  private static final List<String> CONTAINER_MANAGED =
      List.of("jakarta.persistence.PersistenceContext", "javax.persistence.PersistenceContext");

  private SessionFields() {}

  static ArchCondition<JavaClass> notKeepSessionsInFields() {
    return new ArchCondition<>("not keep a session in a field") {
      @Override
      public void check(JavaClass cls, ConditionEvents events) {
        for (JavaField field : cls.getFields()) {
          if (field.getModifiers().contains(JavaModifier.SYNTHETIC)) {
            continue; // a local captured by an inner class lives as long as that call's object
          }
          session(field.getRawType())
              .filter(type -> CONTAINER_MANAGED.stream().noneMatch(field::isAnnotatedWith))
              .ifPresent(
                  type ->
                      events.add(
                          SimpleConditionEvent.violated(
                              field,
                              "Field <"
                                  + field.getFullName()
                                  + "> holds a "
                                  + type
                                  + ": open the session per unit of work (a transaction"
                                  + " callback, or try-with-resources) and keep its factory"
                                  + " instead "
                                  + cls.getSourceCodeLocation())));
        }
      }
    };
  }

  private static Optional<String> session(JavaClass type) {
    return Stream.concat(
            Stream.of(type),
            Stream.concat(
                type.getAllRawInterfaces().stream(), type.getAllRawSuperclasses().stream()))
        .map(JavaClass::getName)
        .filter(SESSION_TYPES::contains)
        .findFirst();
  }
}
