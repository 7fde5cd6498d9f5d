package dev.shortlease.bootstrap;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies the model port as the adapter made it; {@code ChatModelPort} links to it. Tests bind a
 * scripted model under this key. Like every binding of a {@code @LongCall} type it is guarded by
 * the guardrails kit (rule R3), so a scripted model is guarded too.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.PARAMETER, ElementType.FIELD})
public @interface RawModel {}
