package dev.shortlease.application.port.out;

import java.net.URI;
import java.util.Objects;

/** An image shown to a vision model with the user's message: a URL, or bytes read beforehand. */
public sealed interface ModelImage {

  /** The model (or its provider) fetches the image from {@code url}. */
  record Link(URI url) implements ModelImage {
    public Link {
      Objects.requireNonNull(url, "url");
    }
  }

  /** The image's bytes, sent inline (base64) because the provider cannot reach this service. */
  record Inline(String mimeType, byte[] data) implements ModelImage {
    public Inline {
      Objects.requireNonNull(mimeType, "mimeType");
      Objects.requireNonNull(data, "data");
    }
  }
}
