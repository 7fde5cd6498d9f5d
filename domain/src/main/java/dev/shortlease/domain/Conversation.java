package dev.shortlease.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** A conversation between one end user and one app. {@code inputs} are the app's form values. */
public record Conversation(
    ConversationId id,
    Owner owner,
    String name,
    Map<String, Object> inputs,
    ConversationStatus status,
    Instant createdAt,
    Instant updatedAt) {

  public static final int MAX_NAME_LENGTH = 255;

  public Conversation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(status, "status");
    name = name == null ? "" : name;
    inputs = StructuredValues.freeze(inputs);
  }

  /** A user-chosen name: required, trimmed, at most {@value #MAX_NAME_LENGTH} characters. */
  public static String requireName(String name) {
    return Texts.requireText(name, "name", MAX_NAME_LENGTH);
  }
}
