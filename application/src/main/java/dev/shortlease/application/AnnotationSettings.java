package dev.shortlease.application;

/**
 * Limits of annotation reply.
 *
 * @param maxAnnotationsPerApp how many of an app's vectors one match compares (the newest); the
 *     rest are not matched until older ones are deleted
 * @param embeddingBatchSize annotations read, embedded and written per step of an enable job
 * @param cachedApps how many apps' vector snapshots stay in memory (least recently used leave)
 */
public record AnnotationSettings(int maxAnnotationsPerApp, int embeddingBatchSize, int cachedApps) {
  public static final int DEFAULT_MAX_ANNOTATIONS_PER_APP = 2_000;

  public AnnotationSettings {
    if (maxAnnotationsPerApp < 1 || embeddingBatchSize < 1 || cachedApps < 1) {
      throw new IllegalArgumentException("annotation limits must be positive");
    }
  }

  public static AnnotationSettings defaults() {
    return new AnnotationSettings(DEFAULT_MAX_ANNOTATIONS_PER_APP, 32, 256);
  }
}
