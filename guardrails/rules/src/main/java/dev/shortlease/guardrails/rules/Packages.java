package dev.shortlease.guardrails.rules;

import java.util.Collection;

/** Package-name helpers shared by the rules. */
final class Packages {
  private static final String NAME = "[a-zA-Z_$][a-zA-Z0-9_$]*(\\.[a-zA-Z_$][a-zA-Z0-9_$]*)*";

  private Packages() {}

  static String requireName(String name) {
    if (name == null || !name.matches(NAME)) {
      throw new IllegalArgumentException("not a package name: " + name);
    }
    return name;
  }

  /** The ArchUnit identifier for a package and everything below it. */
  static String tree(String pkg) {
    return pkg + "..";
  }

  static String[] trees(Collection<String> packages) {
    return packages.stream().map(Packages::tree).toArray(String[]::new);
  }

  static boolean within(String pkg, String prefix) {
    return pkg.equals(prefix) || pkg.startsWith(prefix + ".");
  }

  static boolean withinAny(String pkg, Collection<String> prefixes) {
    return prefixes.stream().anyMatch(prefix -> within(pkg, prefix));
  }
}
