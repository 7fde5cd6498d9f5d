package dev.shortlease.application;

import java.time.Duration;

/**
 * Limits of annotation reply.
 *
 * @param maxAnnotationsPerApp how many of an app's vectors one match compares (the newest); the
 *     rest are not matched until older ones are deleted
 * @param embeddingBatchSize annotations read, embedded and written per step of an enable job
 * @param cachedApps how many apps' vector snapshots stay in memory (least recently used leave)
 * @param offTtl how long "reply is off" is remembered, so chats of apps without annotation reply
 *     read nothing; an enable through another instance shows here within this time (the app cache's
 *     TTL; zero reads every time)
 */
public record AnnotationSettings(
    int maxAnnotationsPerApp, int embeddingBatchSize, int cachedApps, Duration offTtl) {
  public static final int DEFAULT_MAX_ANNOTATIONS_PER_APP = 2_000;

  public AnnotationSettings {
    if (maxAnnotationsPerApp < 1 || embeddingBatchSize < 1 || cachedApps < 1) {
      throw new IllegalArgumentException("annotation limits must be positive");
    }
    if (offTtl.isNegative()) {
      throw new IllegalArgumentException("offTtl must not be negative");
    }
  }

  public static AnnotationSettings defaults() {
    return new AnnotationSettings(DEFAULT_MAX_ANNOTATIONS_PER_APP, 32, 256, Duration.ofSeconds(2));
  }

  public AnnotationSettings withLimits(int maxAnnotationsPerApp, Duration offTtl) {
    return new AnnotationSettings(maxAnnotationsPerApp, embeddingBatchSize, cachedApps, offTtl);
  }
}
