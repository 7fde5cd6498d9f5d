package dev.shortlease.application.port.out;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a port whose calls may take seconds (a model, a remote tool). Rule R3: the composition root
 * guards every method of such a port so that it is never entered while the calling thread holds a
 * pooled database connection.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LongCall {}
