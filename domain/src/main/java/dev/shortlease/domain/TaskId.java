package dev.shortlease.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * Typed identifier of one generation run (Dify's task_id), used to stop it: a UUID that cannot be
 * confused with another kind of ID.
 */
public record TaskId(UUID value) {

  public TaskId {
    Objects.requireNonNull(value, "TaskId value");
  }

  public static TaskId random() {
    return new TaskId(UUID.randomUUID());
  }

  /**
   * Parses the wire form; throws {@link InvalidIdException} naming {@code field} when malformed.
   */
  public static TaskId parse(String text, String field) {
    return new TaskId(Ids.parseUuid(text, field));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
