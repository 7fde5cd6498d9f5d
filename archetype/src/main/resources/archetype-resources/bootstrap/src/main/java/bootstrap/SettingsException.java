package ${package}.bootstrap;

/** A setting with a bad value; the message names the variable. */
public final class SettingsException extends RuntimeException {
  public SettingsException(String message) {
    super(message);
  }
}
