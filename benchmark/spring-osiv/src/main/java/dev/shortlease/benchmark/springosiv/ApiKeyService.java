package dev.shortlease.benchmark.springosiv;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** App keys as the service keeps them: {@code app-…} handed out once, only the SHA-256 stored. */
@Service
public class ApiKeyService {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ApiKeyRepository keys;

  public ApiKeyService(ApiKeyRepository keys) {
    this.keys = keys;
  }

  /** The app of a {@code Bearer app-…} header, or 401. */
  @Transactional(readOnly = true)
  public App authenticate(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      throw new ApiException(401, "unauthorized", "Authorization header must be Bearer token");
    }
    return keys.findActiveByHash(sha256(authorization.substring(7).strip()))
        .map(ApiKey::getApp)
        .filter(App::isServing)
        .orElseThrow(
            () -> new ApiException(401, "unauthorized", "Access token is invalid or revoked."));
  }

  /** A new key for {@code app}; returns the plain key, which is not stored. */
  @Transactional
  public String issue(App app) {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    String plain = "app-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    keys.save(new ApiKey(app, sha256(plain), plain.substring(0, 8)));
    return plain;
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
