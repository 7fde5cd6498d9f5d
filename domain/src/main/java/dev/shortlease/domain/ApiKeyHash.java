package dev.shortlease.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SHA-256 hash of an app key. Keys are high-entropy random tokens, so a fast hash is enough;
 * only the hash is ever stored, and the plain key is shown once when it is issued.
 */
public record ApiKeyHash(String hex) {
  private static final SecureRandom RANDOM = new SecureRandom();
  // Compiled once: every request hashes its key, and String.matches compiles the pattern anew.
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public ApiKeyHash {
    Objects.requireNonNull(hex, "hex");
    if (!HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("not a SHA-256 hex digest");
    }
  }

  public static ApiKeyHash of(String plainKey) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(plainKey.getBytes(StandardCharsets.UTF_8));
      return new ApiKeyHash(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }

  /** A new plain key in Dify's style ({@code app-} and 24 random URL-safe characters). */
  public static String newPlainKey() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return "app-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Constant-time comparison, so response timing tells nothing about how much of a key matched. */
  public boolean matches(ApiKeyHash other) {
    return MessageDigest.isEqual(
        hex.getBytes(StandardCharsets.US_ASCII), other.hex.getBytes(StandardCharsets.US_ASCII));
  }
}
