package dev.shortlease.application.testing;

import dev.shortlease.application.port.out.ImageInputException;
import dev.shortlease.application.port.out.ModelImage;
import dev.shortlease.application.port.out.RemoteImagePort;
import dev.shortlease.application.port.out.StopSignal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * Remote images by URL, set by the test; a URL it was not given is refused, one it hangs on waits
 * for the stop.
 */
public final class ScriptedRemoteImages implements RemoteImagePort {
  private final Map<URI, ModelImage.Inline> images = new ConcurrentHashMap<>();
  private final List<URI> fetched = new CopyOnWriteArrayList<>();
  private final Set<URI> hanging = ConcurrentHashMap.newKeySet();

  public ScriptedRemoteImages serve(String url, String mimeType, byte[] data) {
    images.put(URI.create(url), new ModelImage.Inline(mimeType, data));
    return this;
  }

  /** Every URL asked for, in order. */
  public List<URI> fetched() {
    return List.copyOf(fetched);
  }

  /** {@code url}'s download goes on until the run is stopped (then fails, as a cancelled one). */
  public ScriptedRemoteImages hangs(String url) {
    hanging.add(URI.create(url));
    return this;
  }

  /** Waits until {@code count} downloads have started. */
  public boolean awaitFetches(int count, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (fetched.size() < count) {
      if (System.nanoTime() - end > 0) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  @Override
  public ModelImage.Inline fetch(URI url, StopSignal stop) {
    fetched.add(url);
    if (hanging.contains(url)) {
      CountDownLatch stopped = new CountDownLatch(1);
      stop.onRequest(stopped::countDown);
      try {
        stopped.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new ImageInputException("The image at " + url + " was not fetched: stopped.");
    }
    ModelImage.Inline image = images.get(url);
    if (image == null) {
      throw new ImageInputException("The image at " + url + " could not be fetched: refused.");
    }
    return image;
  }
}
