/**
 * Inbound ports: one {@code *UseCase} interface per use case, with the commands, events and
 * exceptions they speak. The adapters see the application only through {@code
 * dev.shortlease.application.port} (this package and {@code port.out}); the services that implement
 * these interfaces and their helpers are use-case internals, wired only by the composition root.
 * Nothing here names Dify's wire vocabulary: the web adapter maps these types to and from the wire.
 */
package dev.shortlease.application.port.in;
