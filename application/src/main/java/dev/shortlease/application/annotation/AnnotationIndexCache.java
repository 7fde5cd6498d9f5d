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
  private final Map<AppId, AnnotationIndex> byApp;

  @Inject
  public AnnotationIndexCache(AnnotationIndexPort index, AnnotationSettings settings) {
    this.index = index;
    this.maxVectors = settings.maxAnnotationsPerApp();
    int capacity = settings.cachedApps();
    this.byApp =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<AppId, AnnotationIndex> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The app's index as it is now, or empty when annotation reply is off. */
  public Optional<AnnotationIndex> current(AppId app) {
    AnnotationIndex cached;
    synchronized (byApp) {
      cached = byApp.get(app);
    }
    Optional<AnnotationIndex> read =
        index.readIndex(app, cached == null ? -1 : cached.version(), maxVectors);
    synchronized (byApp) {
      if (read.isEmpty()) {
        byApp.remove(app);
        return read;
      }
      AnnotationIndex now =
          read.get().changed() || cached == null ? read.get() : read.get().withVectorsOf(cached);
      if (now.truncated() && read.get().changed()) {
        LOG.log(
            System.Logger.Level.WARNING,
            "app {0} has more than {1} embedded annotations; only the newest {1} are matched",
            app,
            maxVectors);
      }
      byApp.put(app, now);
      return Optional.of(now);
    }
  }
}
