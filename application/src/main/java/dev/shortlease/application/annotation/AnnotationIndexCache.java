package dev.shortlease.application.annotation;

import dev.shortlease.application.AnnotationSettings;
import dev.shortlease.domain.AnnotationIndex;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.port.AnnotationIndexPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The apps' vector snapshots in memory. For an app with reply on, every lookup is one short read of
 * the settings and the index version (so a change through any instance is seen at once); the
 * vectors themselves are read again only when the version moved. "Reply off" is remembered for
 * {@code offTtl}, so chats of apps without annotation reply read nothing; this instance's own
 * enable and disable forget it at once. When "off" runs out, one lookup reads again while the
 * others are still told "off", instead of each reading it (ADR 0046). Memory is bounded twice: at
 * most {@code cachedApps} apps and {@code cachedFloats} vector values in all; the least recently
 * used apps leave first.
 */
@Singleton
public final class AnnotationIndexCache {
  private static final System.Logger LOG = System.getLogger(AnnotationIndexCache.class.getName());

  private final AnnotationIndexPort index;
  private final int maxVectors;
  private final long offTtlNanos;
  private final int maxApps;
  private final long maxFloats;
  private final LinkedHashMap<AppId, Snapshot> byApp = new LinkedHashMap<>(16, 0.75f, true);
  private long floats;
  // Apps whose "off" ran out and which one lookup is reading again now.
  private final Set<AppId> rereading = ConcurrentHashMap.newKeySet();

  /** An app's snapshot, or "off" (no index) until {@code offUntilNanos}. */
  private record Snapshot(AnnotationIndex index, long offUntilNanos) {
    long floats() {
      return index == null
          ? 0
          : index.vectors().stream().mapToLong(v -> v.vector().dimensions()).sum();
    }
  }

  @Inject
  public AnnotationIndexCache(AnnotationIndexPort index, AnnotationSettings settings) {
    this.index = index;
    this.maxVectors = settings.maxAnnotationsPerApp();
    this.offTtlNanos = settings.offTtl().toNanos();
    this.maxApps = settings.cachedApps();
    this.maxFloats = settings.cachedFloats();
  }

  /** The app's index as it is now, or empty when annotation reply is off. */
  public Optional<AnnotationIndex> current(AppId app) {
    Snapshot cached;
    synchronized (byApp) {
      cached = byApp.get(app);
    }
    boolean off = cached != null && cached.index() == null;
    if (off && System.nanoTime() - cached.offUntilNanos() < 0) {
      return Optional.empty();
    }
    if (off && !rereading.add(app)) {
      return Optional.empty(); // another lookup is reading it again
    }
    try {
      return read(app, cached == null ? null : cached.index());
    } finally {
      if (off) {
        rereading.remove(app);
      }
    }
  }

  private Optional<AnnotationIndex> read(AppId app, AnnotationIndex known) {
    Optional<AnnotationIndex> read =
        index.readIndex(app, known == null ? -1 : known.version(), maxVectors);
    if (read.isEmpty()) {
      keep(app, new Snapshot(null, System.nanoTime() + offTtlNanos));
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
    keep(app, new Snapshot(now, 0));
    return Optional.of(now);
  }

  /** Drops what is known of {@code app}: its reply was just turned on or off here. */
  void forget(AppId app) {
    synchronized (byApp) {
      Snapshot gone = byApp.remove(app);
      floats -= gone == null ? 0 : gone.floats();
    }
  }

  private void keep(AppId app, Snapshot snapshot) {
    synchronized (byApp) {
      Snapshot replaced = byApp.put(app, snapshot);
      floats += snapshot.floats() - (replaced == null ? 0 : replaced.floats());
      Iterator<Map.Entry<AppId, Snapshot>> eldest = byApp.entrySet().iterator();
      while ((byApp.size() > maxApps || floats > maxFloats) && eldest.hasNext()) {
        Snapshot evicted = eldest.next().getValue();
        floats -= evicted.floats();
        eldest.remove(); // the one just kept too, when it alone is over the limit
      }
    }
  }
}
