package dev.shortlease.application.port.out;

/** Receives streamed text as the model produces it. */
@FunctionalInterface
public interface TokenSink {
  void accept(String token);
}
