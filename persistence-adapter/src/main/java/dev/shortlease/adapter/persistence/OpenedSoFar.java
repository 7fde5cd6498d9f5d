package dev.shortlease.adapter.persistence;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a start has opened so far, closed newest first when a later step fails: a failed start must
 * not leave a pool behind, with its connections and threads.
 */
final class OpenedSoFar {
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  <T extends AutoCloseable> T add(T resource) {
    opened.push(resource);
    return resource;
  }

  /** Closes everything; {@code failure} stays the error, a close that fails is suppressed in it. */
  void closeAfter(Throwable failure) {
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception | Error e) {
        failure.addSuppressed(e);
      }
    }
  }
}
