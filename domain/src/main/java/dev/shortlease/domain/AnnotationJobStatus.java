package dev.shortlease.domain;

/** Where an annotation reply job is: queued, running, done, or failed. */
public enum AnnotationJobStatus {
  WAITING,
  PROCESSING,
  COMPLETED,
  ERROR;

  public boolean isActive() {
    return this == WAITING || this == PROCESSING;
  }
}
