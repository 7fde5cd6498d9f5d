package dev.shortlease.application.port.out;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface whose calls may take seconds (a model port, an agent tool). Rule R3: every
 * binding of such a type is guarded, so that it is never entered while the calling thread (or its
 * unit of work) holds a pooled database connection. The guardrails kit acts on this annotation in
 * the composition root ({@code Guardrails.forLongCallAnnotation(LongCall.class)}); the application
 * owns it, so it depends on no kit type.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LongCall {}
