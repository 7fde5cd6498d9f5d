package dev.shortlease.application.port.out;

import java.net.URI;

/**
 * Outbound port: downloads an image a client named by URL, for a model that takes only inline
 * images ({@link ChatModelPort#takesImageLinks()}). A long call (the network, seconds): no
 * connection is held while it works. The client chooses the URL, so an adapter must refuse the
 * service's own network (loopback, private, link-local addresses) and bound time and size.
 */
@LongCall
public interface RemoteImagePort {

  /**
   * The image at {@code url}, its bytes and the media type they show ({@link ImageFormat}).
   *
   * @param stop raised when the run is stopped: a download in progress ends at once
   * @throws ImageInputException when the address is refused, the download fails, takes too long, is
   *     too large, is not an image a model takes, or was stopped
   */
  ModelImage.Inline fetch(URI url, StopSignal stop);
}
