package dev.shortlease.domain.port;

import dev.shortlease.domain.InvalidInputException;

/** Orders of the conversation list, named as Dify's {@code sort_by} values. */
public enum ConversationSort {
  CREATED_ASC("created_at"),
  CREATED_DESC("-created_at"),
  UPDATED_ASC("updated_at"),
  UPDATED_DESC("-updated_at");

  private final String wire;

  ConversationSort(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** Parses {@code sort_by}; {@code null} means Dify's default, newest activity first. */
  public static ConversationSort fromWire(String value) {
    if (value == null || value.isBlank()) {
      return UPDATED_DESC;
    }
    for (ConversationSort sort : values()) {
      if (sort.wire.equals(value)) {
        return sort;
      }
    }
    throw new InvalidInputException(
        "sort_by", "must be one of created_at, -created_at, updated_at, -updated_at");
  }
}
