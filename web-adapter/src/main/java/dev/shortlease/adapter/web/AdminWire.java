package dev.shortlease.adapter.web;

import dev.shortlease.domain.ApiKey;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppMedia;
import dev.shortlease.domain.AppWithMedia;
import dev.shortlease.domain.AppsPage;
import dev.shortlease.domain.ModelSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Web adapter: apps and keys as the admin API shows them (never a key's hash). */
final class AdminWire {
  private AdminWire() {}

  record ModelSettingsDto(String model, Double temperature, Integer maxTokens) {}

  record AppDto(
      String id,
      String name,
      String description,
      String mode,
      ModelSettingsDto modelSettings,
      String systemPrompt,
      String openingStatement,
      List<String> suggestedQuestions,
      String status,
      boolean apiEnabled,
      long createdAt,
      List<Map<String, Object>> userInputForm,
      List<Map<String, Object>> conversationVariables,
      Integer maxActiveRequests,
      Map<String, Object> fileUpload,
      Map<String, Object> speechToText,
      Map<String, Object> textToSpeech) {}

  /** A created app with its first key: the only time the plain key is shown. */
  record CreatedAppDto(
      String id, String name, String mode, String apiKey, String keyId, AppDto app) {}

  record IssuedKeyDto(String id, String apiKey) {}

  record KeyDto(String id, String prefix, long createdAt, Long revokedAt, boolean active) {}

  record ListDto<T>(List<T> data) {}

  /** Dify's console list of apps: {@code data} as before, with the page, the total and more. */
  record AppPageDto(List<AppDto> data, int page, int limit, long total, boolean hasMore) {}

  static AppPageDto page(AppsPage page) {
    return new AppPageDto(
        page.items().stream().map(AdminWire::app).toList(),
        page.page(),
        page.limit(),
        page.total(),
        page.hasMore());
  }

  /** One shape for create, get, list and update: the app with its media switches. */
  static AppDto app(AppWithMedia app) {
    return app(app.app(), app.media());
  }

  static AppDto app(App app, AppMedia media) {
    ModelSettings m = app.modelSettings();
    return new AppDto(
        app.id().toString(),
        app.name(),
        app.description(),
        WireEnums.mode(app.mode()),
        new ModelSettingsDto(m.model(), m.temperature(), m.maxTokens()),
        app.systemPrompt(),
        app.openingStatement(),
        app.suggestedQuestions(),
        app.status().name().toLowerCase(java.util.Locale.ROOT),
        app.apiEnabled(),
        seconds(app.createdAt()),
        FormWire.form(app.userInputForm()),
        FormWire.variables(app.conversationVariables()),
        app.maxActiveRequests(),
        MediaWire.fileUpload(media),
        MediaWire.speechToText(media),
        MediaWire.textToSpeech(media));
  }

  static KeyDto key(ApiKey key) {
    return new KeyDto(
        key.id().toString(),
        key.prefix(),
        seconds(key.createdAt()),
        key.revokedAt() == null ? null : key.revokedAt().getEpochSecond(),
        key.isActive());
  }

  private static long seconds(Instant instant) {
    return instant == null ? 0 : instant.getEpochSecond();
  }
}
