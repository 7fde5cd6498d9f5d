package dev.shortlease.guardrails.rules;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the transactional annotations on a method or its class the way the frameworks do: the
 * method's own annotation wins over its class's, and one that suspends or forbids a transaction
 * (Spring's {@code propagation}, Jakarta's {@code value}: {@code NOT_SUPPORTED}, {@code NEVER})
 * means the method runs outside one, which is where a long call belongs.
 */
final class TransactionalMarkers {
  private static final Set<String> NO_TRANSACTION = Set.of("NOT_SUPPORTED", "NEVER");

  private TransactionalMarkers() {}

  /** The annotation that puts {@code unit} in a transaction, if one does. */
  static Optional<JavaAnnotation<?>> opening(JavaCodeUnit unit, List<String> annotations) {
    return first(unit, annotations)
        .or(() -> interceptedByClass(unit) ? first(unit.getOwner(), annotations) : Optional.empty())
        .filter(TransactionalMarkers::opensTransaction);
  }

  // A class's annotation reaches the methods its proxy or interceptor sees: not a private or static
  // method, nor a constructor. Those run in their caller's transaction, which the rule follows.
  private static boolean interceptedByClass(JavaCodeUnit unit) {
    return unit.isMethod()
        && !unit.getModifiers().contains(JavaModifier.PRIVATE)
        && !unit.getModifiers().contains(JavaModifier.STATIC);
  }

  private static Optional<JavaAnnotation<?>> first(HasAnnotations<?> owner, List<String> names) {
    return names.stream()
        .flatMap(name -> owner.tryGetAnnotationOfType(name).stream())
        .<JavaAnnotation<?>>map(a -> a)
        .findFirst();
  }

  private static boolean opensTransaction(JavaAnnotation<?> annotation) {
    return Stream.of("propagation", "value")
        .flatMap(property -> annotation.get(property).stream())
        .noneMatch(v -> v instanceof JavaEnumConstant e && NO_TRANSACTION.contains(e.name()));
  }
}
