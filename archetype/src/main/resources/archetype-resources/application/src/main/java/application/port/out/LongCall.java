package ${package}.application.port.out;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a port whose calls may take seconds (a model, a remote service). Such a call must never
 * start while the calling thread holds a pooled database connection: the guardrails kit checks it
 * statically (the architecture test) and at run time (every binding of such a port is guarded).
 * The annotation is this service's own, so the application stays free of the kit's types.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LongCall {}
