package dev.shortlease.guardrails.guice;

import com.google.inject.BindingAnnotation;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * Qualifies the {@link Guardrails} a wrapped injector was built with, for {@link
 * Guardrails#verify}.
 */
@BindingAnnotation
@Retention(RetentionPolicy.RUNTIME)
@interface KitRules {}
