package dev.shortlease.adapter.web;

import dev.shortlease.domain.Annotation;
import dev.shortlease.domain.AnnotationJob;
import dev.shortlease.domain.AnnotationPage;
import java.util.List;
import java.util.Locale;

/** Web adapter: annotations and annotation reply jobs in Dify's wire shapes. */
final class AnnotationWire {
  private AnnotationWire() {}

  record Item(String id, String question, String answer, int hitCount, long createdAt) {}

  record ItemPage(List<Item> data, boolean hasMore, int limit, long total, int page) {}

  record JobStarted(String jobId, String jobStatus) {}

  record JobStatus(String jobId, String jobStatus, String errorMsg) {}

  static Item item(Annotation a) {
    return new Item(
        a.id().toString(),
        a.text().question(),
        a.text().answer(),
        a.hitCount(),
        a.createdAt().getEpochSecond());
  }

  /** Dify's {@code has_more}: the page is full (it does not compare with the total). */
  static ItemPage page(AnnotationPage page, int number, int limit) {
    List<Item> items = page.items().stream().map(AnnotationWire::item).toList();
    return new ItemPage(items, items.size() == limit, limit, page.total(), number);
  }

  static JobStarted started(AnnotationJob job) {
    return new JobStarted(job.id().toString(), status(job));
  }

  static JobStatus status(AnnotationJob job, boolean withError) {
    return new JobStatus(job.id().toString(), status(job), withError ? job.errorMessage() : "");
  }

  private static String status(AnnotationJob job) {
    return job.status().name().toLowerCase(Locale.ROOT);
  }
}
