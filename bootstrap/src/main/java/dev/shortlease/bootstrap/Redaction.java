package dev.shortlease.bootstrap;

import dev.shortlease.adapter.persistence.PersistenceSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up: keeps the configured secrets out of what the service prints. A driver or migration
 * message may quote the JDBC URL or a credential; before such a message reaches the console, the
 * URL is replaced by its redacted form and every secret value by {@code ****}.
 */
final class Redaction {
  /** Shorter values would mask ordinary words; no real secret is this short. */
  private static final int SHORTEST_SECRET = 4;

  private static final Pattern URL_SECRETS =
      Pattern.compile(
          "(?i)(?://[^/?;@:]*:([^/?;@]*)@)|(?:[?&;][a-z_.-]*(?:pass|secret|token|key|cred)[a-z_.-]*=([^&;]*))");

  private final String jdbcUrl;
  private final String redactedUrl;
  private final List<String> secrets;

  private Redaction(String jdbcUrl, List<String> secrets) {
    this.jdbcUrl = jdbcUrl;
    this.redactedUrl = PersistenceSettings.redacted(jdbcUrl);
    // Longest first, so a secret that contains another is masked whole.
    this.secrets =
        secrets.stream()
            .filter(s -> s != null && s.length() >= SHORTEST_SECRET)
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
  }

  static Redaction of(Settings settings) {
    List<String> secrets = new ArrayList<>();
    secrets.add(settings.database().password());
    Matcher inUrl = URL_SECRETS.matcher(settings.database().jdbcUrl());
    while (inUrl.find()) {
      secrets.add(inUrl.group(1) != null ? inUrl.group(1) : inUrl.group(2));
    }
    secrets.add(settings.llm().apiKey());
    secrets.add(settings.embedding().apiKey());
    if (!settings.adminTokenGenerated()) {
      secrets.add(settings.adminToken());
    }
    return new Redaction(settings.database().jdbcUrl(), secrets);
  }

  String scrub(String text) {
    if (text == null) {
      return null;
    }
    String scrubbed = text.replace(jdbcUrl, redactedUrl);
    for (String secret : secrets) {
      scrubbed = scrubbed.replace(secret, "****");
    }
    return scrubbed;
  }
}
