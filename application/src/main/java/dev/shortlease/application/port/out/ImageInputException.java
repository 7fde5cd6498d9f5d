package dev.shortlease.application.port.out;

/**
 * An image the client attached cannot be shown to the model: a download was refused or failed, or
 * its bytes are not an image a vision model takes. {@link #getMessage()} is written for the client
 * (it sent the image): why, without the addresses the service resolved or its network's details.
 */
public final class ImageInputException extends RuntimeException {

  public ImageInputException(String message, Throwable cause) {
    super(message, cause);
  }

  public ImageInputException(String message) {
    this(message, null);
  }
}
