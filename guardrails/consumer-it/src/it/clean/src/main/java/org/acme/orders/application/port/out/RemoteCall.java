package org.acme.orders.application.port.out;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an outbound port whose calls wait on a remote party. The guardrails kit is told this
 * annotation's name, so the application never depends on the kit: no pooled connection may be held
 * while such a port is called.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RemoteCall {}
