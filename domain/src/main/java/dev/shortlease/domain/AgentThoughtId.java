package dev.shortlease.domain;

import java.util.Objects;
import java.util.UUID;

/** Typed identifier of agent thought: a UUID that cannot be confused with another kind of ID. */
public record AgentThoughtId(UUID value) {

  public AgentThoughtId {
    Objects.requireNonNull(value, "AgentThoughtId value");
  }

  public static AgentThoughtId random() {
    return new AgentThoughtId(UUID.randomUUID());
  }

  /**
   * Parses the wire form; throws {@link InvalidIdException} naming {@code field} when malformed.
   */
  public static AgentThoughtId parse(String text, String field) {
    return new AgentThoughtId(Ids.parseUuid(text, field));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
