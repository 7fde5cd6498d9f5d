package dev.shortlease.bootstrap;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/** Reads typed values from environment variables; every error names the variable. */
final class EnvReader {
  private final Map<String, String> env;

  EnvReader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** The trimmed value, or null when unset or blank. */
  String text(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  String text(String name, String fallback) {
    String value = text(name);
    return value == null ? fallback : value;
  }

  long integer(String name, long fallback, long min, long max) {
    String value = text(name);
    if (value == null) {
      return fallback;
    }
    long parsed;
    try {
      parsed = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new SettingsException(name, "must be an integer, was '" + value + "'");
    }
    if (parsed < min || parsed > max) {
      throw new SettingsException(name, "must be within " + min + ".." + max + ", was " + parsed);
    }
    return parsed;
  }

  /** Like {@link #integer} but also allows 0, meaning "off". */
  long zeroOrAtLeast(String name, long fallback, long min) {
    long value = integer(name, fallback, 0, Long.MAX_VALUE);
    if (value != 0 && value < min) {
      throw new SettingsException(name, "must be 0 (off) or at least " + min + ", was " + value);
    }
    return value;
  }

  double decimal(String name, double fallback, double min) {
    String value = text(name);
    if (value == null) {
      return fallback;
    }
    try {
      double parsed = Double.parseDouble(value);
      if (!(parsed >= min) || Double.isInfinite(parsed)) {
        throw new SettingsException(name, "must be a number of at least " + min);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new SettingsException(name, "must be a number, was '" + value + "'");
    }
  }

  boolean bool(String name, boolean fallback) {
    String value = text(name);
    if (value == null) {
      return fallback;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> throw new SettingsException(name, "must be true or false, was '" + value + "'");
    };
  }

  /** An absolute http(s) URL with a host, or {@code fallback} when unset. */
  String httpUrl(String name, String fallback) {
    String value = text(name);
    if (value == null) {
      return fallback;
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getRawAuthority() != null) {
        return value;
      }
    } catch (URISyntaxException e) {
      // reported below, as every other malformed value
    }
    throw new SettingsException(
        name, "must be an http:// or https:// URL with a host, was '" + value + "'");
  }

  String oneOf(String name, String fallback, String... allowed) {
    String value = text(name, fallback).toLowerCase(Locale.ROOT);
    for (String option : allowed) {
      if (option.equals(value)) {
        return value;
      }
    }
    throw new SettingsException(
        name, "must be one of " + String.join(", ", allowed) + ", was '" + value + "'");
  }
}
