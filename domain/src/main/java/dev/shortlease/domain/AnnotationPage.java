package dev.shortlease.domain;

import java.util.List;

/** One numbered page of an app's annotations and how many match in all. */
public record AnnotationPage(List<Annotation> items, long total) {
  public AnnotationPage {
    items = List.copyOf(items);
  }
}
