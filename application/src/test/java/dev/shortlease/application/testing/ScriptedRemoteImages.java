package dev.shortlease.application.testing;

import dev.shortlease.application.port.out.ImageInputException;
import dev.shortlease.application.port.out.ModelImage;
import dev.shortlease.application.port.out.RemoteImagePort;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remote images by URL, set by the test; a URL it was not given is refused. */
public final class ScriptedRemoteImages implements RemoteImagePort {
  private final Map<URI, ModelImage.Inline> images = new ConcurrentHashMap<>();
  private final List<URI> fetched = new CopyOnWriteArrayList<>();

  public ScriptedRemoteImages serve(String url, String mimeType, byte[] data) {
    images.put(URI.create(url), new ModelImage.Inline(mimeType, data));
    return this;
  }

  /** Every URL asked for, in order. */
  public List<URI> fetched() {
    return List.copyOf(fetched);
  }

  @Override
  public ModelImage.Inline fetch(URI url) {
    fetched.add(url);
    ModelImage.Inline image = images.get(url);
    if (image == null) {
      throw new ImageInputException("The image at " + url + " could not be fetched: refused.");
    }
    return image;
  }
}
