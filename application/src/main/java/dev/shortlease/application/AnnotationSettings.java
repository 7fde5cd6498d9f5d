package dev.shortlease.application;

import java.time.Duration;

/**
 * Limits of annotation reply.
 *
 * @param maxAnnotationsPerApp how many of an app's vectors one match compares (the newest); the
 *     rest are not matched until older ones are deleted
 * @param embeddingBatchSize annotations read, embedded and written per step of an enable job
 * @param cachedApps how many apps' snapshots (or "reply off") stay in memory
 * @param cachedFloats how many vector values all snapshots hold together (4 bytes each); the least
 *     recently used apps leave first, and an app whose vectors alone exceed it is read every time
 * @param offTtl how long "reply is off" is remembered, so chats of apps without annotation reply
 *     read nothing; an enable through another instance shows here within this time (the app cache's
 *     TTL; zero reads every time)
 */
public record AnnotationSettings(
    int maxAnnotationsPerApp,
    int embeddingBatchSize,
    int cachedApps,
    long cachedFloats,
    Duration offTtl) {
  public static final int DEFAULT_MAX_ANNOTATIONS_PER_APP = 2_000;

  /** 64 MB of vectors: about 10,000 vectors of 1536 dimensions, 60,000 of 256. */
  public static final long DEFAULT_CACHED_FLOATS = 16_000_000;

  public AnnotationSettings {
    if (maxAnnotationsPerApp < 1 || embeddingBatchSize < 1 || cachedApps < 1 || cachedFloats < 1) {
      throw new IllegalArgumentException("annotation limits must be positive");
    }
    if (offTtl.isNegative()) {
      throw new IllegalArgumentException("offTtl must not be negative");
    }
  }

  public static AnnotationSettings defaults() {
    return new AnnotationSettings(
        DEFAULT_MAX_ANNOTATIONS_PER_APP, 32, 10_000, DEFAULT_CACHED_FLOATS, Duration.ofSeconds(2));
  }

  public AnnotationSettings withLimits(int maxAnnotationsPerApp, Duration offTtl) {
    return new AnnotationSettings(
        maxAnnotationsPerApp, embeddingBatchSize, cachedApps, cachedFloats, offTtl);
  }
}
