package dev.shortlease.adapter.llm;

import java.time.Duration;

/**
 * How images named by URL are downloaded for a model that takes only inline images (Ollama).
 *
 * @param maxBytes the largest image, counted while it streams ({@code
 *     UPLOAD_IMAGE_FILE_SIZE_LIMIT}, Dify's 10 MB)
 * @param connectTimeout the longest wait for one TCP/TLS connection ({@code
 *     REMOTE_IMAGE_CONNECT_TIMEOUT_SECONDS}, 5 s)
 * @param timeout the longest whole download, redirects included ({@code
 *     REMOTE_IMAGE_TIMEOUT_SECONDS}, 10 s)
 * @param allowPrivateAddresses also fetch from loopback, private and link-local addresses ({@code
 *     REMOTE_IMAGE_ALLOW_PRIVATE_ADDRESSES}, off): for tests and a local setup's own image server
 */
public record RemoteImageSettings(
    long maxBytes, Duration connectTimeout, Duration timeout, boolean allowPrivateAddresses) {

  public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public RemoteImageSettings {
    if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maxBytes must be between 1 and about 2 GB");
    }
    connectTimeout =
        LlmSettings.positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "connectTimeout");
    timeout = LlmSettings.positive(timeout, DEFAULT_TIMEOUT, "timeout");
  }

  /** 10 MB, 5 s to connect, 10 s in all, public addresses only. */
  public static RemoteImageSettings defaults() {
    return new RemoteImageSettings(
        DEFAULT_MAX_BYTES, DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT, false);
  }

  public RemoteImageSettings withPrivateAddresses(boolean allowed) {
    return new RemoteImageSettings(maxBytes, connectTimeout, timeout, allowed);
  }

  public RemoteImageSettings withMaxBytes(long bytes) {
    return new RemoteImageSettings(bytes, connectTimeout, timeout, allowPrivateAddresses);
  }

  public RemoteImageSettings withTimeout(Duration total) {
    return new RemoteImageSettings(maxBytes, connectTimeout, total, allowPrivateAddresses);
  }
}
