package dev.shortlease.bootstrap;

/** A bad setting: the message names the environment variable and what it must be. */
public final class SettingsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SettingsException(String variable, String problem) {
    super(variable + " " + problem);
  }
}
