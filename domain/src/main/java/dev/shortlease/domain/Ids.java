package dev.shortlease.domain;

import java.util.UUID;

/** Shared parsing for the typed IDs: one place decides what a malformed ID looks like. */
final class Ids {
  private Ids() {}

  static UUID parseUuid(String text, String field) {
    if (text == null || text.isBlank()) {
      throw new InvalidIdException(field, "is required");
    }
    try {
      UUID uuid = UUID.fromString(text.trim());
      if (!uuid.toString().equalsIgnoreCase(text.trim())) {
        throw new IllegalArgumentException("non-canonical");
      }
      return uuid;
    } catch (IllegalArgumentException e) {
      throw new InvalidIdException(field, "is not a valid UUID");
    }
  }
}
