package dev.shortlease.domain;

import java.util.Locale;

/**
 * Value rules: a file's name and extension as they are stored. A name longer than {@link #MAX_STEM}
 * characters is cut to that many, keeping its extension, as Dify's upload service cuts long names
 * instead of refusing them; an "extension" longer than {@link #MAX_EXTENSION} characters
 * ("notes.final version for the board") is part of the name, not an extension. Characters are code
 * points, as Python's {@code len} counts them in Dify: an emoji is one.
 */
public final class FileNames {
  /** What is kept of a long name before its extension. */
  public static final int MAX_STEM = 200;

  public static final int MAX_EXTENSION = 32;

  private FileNames() {}

  /** The extension without its dot, lower case; empty when the name has none. */
  public static String extensionOf(String name) {
    return extensionIn(name).toLowerCase(Locale.ROOT);
  }

  /** {@code name}, or its first {@link #MAX_STEM} characters plus its extension when longer. */
  public static String shortened(String name) {
    if (!Texts.exceeds(name, MAX_STEM)) {
      return name;
    }
    String extension = extensionIn(name);
    String stem = cut(extension.isEmpty() ? name : name.substring(0, name.lastIndexOf('.')));
    return extension.isEmpty() ? stem : stem + "." + extension;
  }

  private static String extensionIn(String name) {
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).strip();
    return Texts.exceeds(extension, MAX_EXTENSION) ? "" : extension;
  }

  /** The first {@link #MAX_STEM} code points: never half of a surrogate pair. */
  private static String cut(String stem) {
    if (!Texts.exceeds(stem, MAX_STEM)) {
      return stem;
    }
    return stem.substring(0, stem.offsetByCodePoints(0, MAX_STEM));
  }
}
