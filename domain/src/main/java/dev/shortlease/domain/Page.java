package dev.shortlease.domain;

import java.util.List;

/** One page of a cursor-paginated list; {@code hasMore} says whether another page follows. */
public record Page<T>(List<T> items, boolean hasMore) {
  public Page {
    items = List.copyOf(items);
  }

  /** Validates a client's page size the way Dify does (1..100). */
  public static int requireLimit(int limit) {
    if (limit < 1 || limit > 100) {
      throw new InvalidInputException("limit", "must be between 1 and 100");
    }
    return limit;
  }
}
