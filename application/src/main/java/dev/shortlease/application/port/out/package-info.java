/**
 * Outbound ports that are not storage: the chat model ({@link
 * dev.shortlease.application.port.out.ChatModelPort}, a {@link
 * dev.shortlease.application.port.out.LongCall long call}) and operations (metrics, the pool
 * monitor). They speak the application's own vocabulary (model requests, tool calls, stop signals,
 * pool snapshots) that the domain does not know. Storage ports, implemented by the persistence
 * adapter in domain records, live in {@code dev.shortlease.domain.port} instead
 * (docs/architecture.md, "Where an outbound port lives"). Who implements a port does not decide
 * where it lives, what it stores does: the pool monitor is implemented by the persistence adapter
 * but remembers nothing, so it is an operations port here.
 */
package dev.shortlease.application.port.out;
