package dev.shortlease.domain;

import java.util.Arrays;

/** What kind of app answers: a chat, a tool-using agent chat, or a one-shot completion. */
public enum AppMode {
  CHAT("chat"),
  AGENT_CHAT("agent-chat"),
  COMPLETION("completion");

  private final String wire;

  AppMode(String wire) {
    this.wire = wire;
  }

  /** The name Dify uses on the wire and in storage. */
  public String wire() {
    return wire;
  }

  public boolean isConversational() {
    return this != COMPLETION;
  }

  public static AppMode fromWire(String value) {
    return Arrays.stream(values())
        .filter(m -> m.wire.equals(value))
        .findFirst()
        .orElseThrow(
            () -> new InvalidInputException("mode", "must be one of chat, agent-chat, completion"));
  }
}
