package dev.shortlease.domain;

import java.util.List;

/** One numbered page of the apps with their switches, and how many apps there are in all. */
public record AppsPage(List<AppWithMedia> items, int page, int limit, long total) {
  public AppsPage {
    items = List.copyOf(items);
  }

  /** Whether apps follow this page (Dify's console: a later page exists). */
  public boolean hasMore() {
    return (long) (page - 1) * limit + items.size() < total;
  }
}
