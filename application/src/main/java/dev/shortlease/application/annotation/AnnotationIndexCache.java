package dev.shortlease.application.annotation;

import dev.shortlease.application.AnnotationSettings;
import dev.shortlease.domain.AnnotationIndex;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.port.AnnotationIndexPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The apps' vector snapshots in memory. Every lookup is one short read of the settings and the
 * index version (so a change through any instance is seen at once); the vectors themselves are read
 * again only when the version moved. At most {@code cachedApps} snapshots are kept, the least
 * recently used leave first.
 */
@Singleton
public final class AnnotationIndexCache {
  private static final System.Logger LOG = System.getLogger(AnnotationIndexCache.class.getName());

  private final AnnotationIndexPort index;
  private final int maxVectors;
  private final long offTtlNanos;
  private final Map<AppId, Snapshot> byApp;

  /** An app's snapshot, or "off" (no index) until {@code offUntilNanos}. */
  private record Snapshot(AnnotationIndex index, long offUntilNanos) {}

  @Inject
  public AnnotationIndexCache(AnnotationIndexPort index, AnnotationSettings settings) {
    this.index = index;
    this.maxVectors = settings.maxAnnotationsPerApp();
    this.offTtlNanos = settings.offTtl().toNanos();
    int capacity = settings.cachedApps();
    this.byApp =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<AppId, Snapshot> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The app's index as it is now, or empty when annotation reply is off. */
  public Optional<AnnotationIndex> current(AppId app) {
    Snapshot cached;
    synchronized (byApp) {
      cached = byApp.get(app);
    }
    if (cached != null
        && cached.index() == null
        && System.nanoTime() - cached.offUntilNanos() < 0) {
      return Optional.empty();
    }
    AnnotationIndex known = cached == null ? null : cached.index();
    Optional<AnnotationIndex> read =
        index.readIndex(app, known == null ? -1 : known.version(), maxVectors);
    synchronized (byApp) {
      if (read.isEmpty()) {
        byApp.put(app, new Snapshot(null, System.nanoTime() + offTtlNanos));
        return read;
      }
      AnnotationIndex now =
          read.get().changed() || known == null ? read.get() : read.get().withVectorsOf(known);
      if (now.truncated() && read.get().changed()) {
        LOG.log(
            System.Logger.Level.WARNING,
            "app {0} has more than {1} embedded annotations; only the newest {1} are matched",
            app,
            maxVectors);
      }
      byApp.put(app, new Snapshot(now, 0));
      return Optional.of(now);
    }
  }

  /** Drops what is known of {@code app}: its reply was just turned on or off here. */
  void forget(AppId app) {
    synchronized (byApp) {
      byApp.remove(app);
    }
  }
}
