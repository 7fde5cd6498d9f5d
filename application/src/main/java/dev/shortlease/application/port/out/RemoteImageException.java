package dev.shortlease.application.port.out;

/**
 * A remote image could not be fetched. {@link #getMessage()} is written for the client (it sent the
 * URL): why, without the addresses the service resolved or its network's details.
 */
public final class RemoteImageException extends RuntimeException {

  public RemoteImageException(String message, Throwable cause) {
    super(message, cause);
  }

  public RemoteImageException(String message) {
    this(message, null);
  }
}
