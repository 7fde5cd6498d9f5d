package org.acme.orders.bootstrap;

import dev.shortlease.guardrails.guard.GuardMode;
import java.net.URI;

/** What the service needs to start: its database, the carrier's quote service, the guard mode. */
public record OrdersConfig(String jdbcUrl, int poolSize, URI shippingQuotes, GuardMode guard) {}
