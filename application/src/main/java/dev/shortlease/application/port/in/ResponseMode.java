package dev.shortlease.application.port.in;

/** The whole answer at once, or events as it grows (the web adapter parses Dify's values). */
public enum ResponseMode {
  BLOCKING,
  STREAMING
}
