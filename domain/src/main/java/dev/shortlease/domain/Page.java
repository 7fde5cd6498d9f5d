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

  /**
   * Validates a page number of the numbered lists (annotations, app feedbacks): 1..1,000,000, so
   * its offset, {@code (page - 1) × limit}, stays an {@code int}.
   */
  public static int requirePageNumber(int page) {
    if (page < 1 || page > 1_000_000) {
      throw new InvalidInputException("page", "must be between 1 and 1000000");
    }
    return page;
  }
}
