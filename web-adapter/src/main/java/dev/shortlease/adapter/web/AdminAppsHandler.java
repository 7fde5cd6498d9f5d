package dev.shortlease.adapter.web;

import dev.shortlease.application.port.in.ConfigureAppMediaUseCase;
import dev.shortlease.application.port.in.ManageAppsUseCase;
import dev.shortlease.domain.ApiKeyId;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMedia;
import dev.shortlease.domain.AppMediaPatch;
import dev.shortlease.domain.AppPatch;
import dev.shortlease.domain.AppStatus;
import dev.shortlease.domain.AppUpdate;
import dev.shortlease.domain.AppWithMedia;
import dev.shortlease.domain.InvalidInputException;
import dev.shortlease.domain.ModelSettings;
import dev.shortlease.domain.ModelSettingsPatch;
import dev.shortlease.domain.NewApp;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Stream;

/**
 * Web adapter: {@code /admin/apps} and their keys, behind the admin token. A created app answers
 * with its first key, so a script can create an app and chat at once. Create, get, list and update
 * show an app in one shape, its media switches included; a create or an update writes the app and
 * its switches (and a create its first key) in one transaction, so a failure leaves nothing half
 * done.
 */
public final class AdminAppsHandler {
  private static final List<String> UPDATE_FIELDS =
      List.of(
          "name",
          "description",
          "model_settings",
          "system_prompt",
          "opening_statement",
          "suggested_questions",
          "status",
          "api_enabled",
          "max_active_requests",
          "user_input_form",
          "conversation_variables",
          "file_upload",
          "speech_to_text",
          "text_to_speech");

  /** A create takes every field an update does, and the mode, which only a create sets. */
  private static final List<String> CREATE_FIELDS =
      Stream.concat(Stream.of("mode"), UPDATE_FIELDS.stream()).toList();

  private static final List<String> MODEL_FIELDS = List.of("model", "temperature", "max_tokens");

  private final ApiAuth auth;
  private final ManageAppsUseCase apps;
  private final WebSettings settings;
  private final ConfigureAppMediaUseCase media;

  @Inject
  public AdminAppsHandler(
      ApiAuth auth, ManageAppsUseCase apps, WebSettings settings, ConfigureAppMediaUseCase media) {
    this.auth = auth;
    this.apps = apps;
    this.settings = settings;
    this.media = media;
  }

  void create(Context ctx) {
    auth.requireAdmin(ctx);
    JsonBody body = JsonRequest.read(ctx, settings.maxBodyBytes()).requireOnly(CREATE_FIELDS);
    AppMedia switches =
        MediaWire.mentioned(body) ? MediaWire.patch(body).applyTo(AppMedia.OFF) : null;
    NewApp app =
        new NewApp(
            body.text("name"),
            body.text("description"),
            WireEnums.mode(body.text("mode")),
            modelSettings(body.optionalObject("model_settings"), ModelSettings.DEFAULT),
            body.text("system_prompt"),
            body.text("opening_statement"),
            body.optionalTextList("suggested_questions"),
            FormWire.form(body.raw("user_input_form")),
            FormWire.variables(body.raw("conversation_variables")),
            status(body.text("status")),
            body.optionalBool("api_enabled"),
            maxActiveRequests(body));
    ManageAppsUseCase.CreatedApp created = apps.createApp(app, switches);
    App saved = created.app();
    Responses.json(
        ctx,
        201,
        new AdminWire.CreatedAppDto(
            saved.id().toString(),
            saved.name(),
            WireEnums.mode(saved.mode()),
            created.key().plainKey(),
            created.key().id().toString(),
            AdminWire.app(saved, switches == null ? AppMedia.OFF : switches)));
  }

  /**
   * {@code page} (default 1) of {@code limit} (default 20, 1..100) apps, oldest first: one read for
   * the page's apps and their switches, and a count, in one transaction.
   */
  void list(Context ctx) {
    auth.requireAdmin(ctx);
    int page = QueryParams.page(ctx);
    int limit = QueryParams.limit(ctx);
    Responses.ok(ctx, AdminWire.page(apps.listApps(page, limit)));
  }

  void get(Context ctx) {
    auth.requireAdmin(ctx);
    AppId id = AppId.parse(ctx.pathParam("app_id"), "app_id");
    App app = apps.getApp(id);
    Responses.ok(ctx, AdminWire.app(app, media.mediaOf(id)));
  }

  /**
   * Takes back the app as GET shows it: read-only fields sent unchanged are dropped (the stored app
   * is read for that only when the body names one). Checks the whole body first, then hands the
   * fields it sets to one write that merges them into the app and its switches as stored then, with
   * the app's row locked: concurrent PATCHes of other fields of the app are not lost (ADR 0066).
   */
  void update(Context ctx) {
    auth.requireAdmin(ctx);
    AppId id = AppId.parse(ctx.pathParam("app_id"), "app_id");
    JsonBody body = JsonRequest.read(ctx, settings.maxBodyBytes());
    if (ReadOnlyFields.mentioned(body)) {
      ReadOnlyFields.dropUnchanged(
          body, Json.MAPPER.valueToTree(AdminWire.app(apps.getApp(id), media.mediaOf(id))));
    }
    body.requireOnly(UPDATE_FIELDS);
    JsonBody model = body.optionalObject("model_settings");
    ModelSettingsPatch modelPatch = model == null ? null : modelPatch(model);
    AppUpdate update =
        new AppUpdate(
            body.text("name"),
            body.text("description"),
            null,
            body.text("system_prompt"),
            body.text("opening_statement"),
            body.optionalTextList("suggested_questions"),
            status(body.text("status")),
            body.optionalBool("api_enabled"),
            FormWire.form(body.raw("user_input_form")),
            FormWire.variables(body.raw("conversation_variables")),
            maxActiveRequests(body));
    AppMediaPatch mediaPatch = MediaWire.mentioned(body) ? MediaWire.patch(body) : null;
    AppWithMedia updated = apps.updateApp(id, new AppPatch(update, modelPatch, mediaPatch));
    Responses.ok(ctx, AdminWire.app(updated));
  }

  void issueKey(Context ctx) {
    auth.requireAdmin(ctx);
    ManageAppsUseCase.IssuedKey key = apps.issueKey(AppId.parse(ctx.pathParam("app_id"), "app_id"));
    Responses.json(ctx, 201, new AdminWire.IssuedKeyDto(key.id().toString(), key.plainKey()));
  }

  void listKeys(Context ctx) {
    auth.requireAdmin(ctx);
    AppId id = AppId.parse(ctx.pathParam("app_id"), "app_id");
    Responses.ok(
        ctx, new AdminWire.ListDto<>(apps.listKeys(id).stream().map(AdminWire::key).toList()));
  }

  void revokeKey(Context ctx) {
    auth.requireAdmin(ctx);
    apps.revokeKey(
        AppId.parse(ctx.pathParam("app_id"), "app_id"),
        ApiKeyId.parse(ctx.pathParam("key_id"), "key_id"));
    ctx.status(204);
  }

  /** Fields left out keep {@code current}'s values. */
  private static ModelSettings modelSettings(JsonBody model, ModelSettings current) {
    return model == null ? current : modelPatch(model).applyTo(current);
  }

  /** The fields {@code model_settings} sets, each checked. */
  private static ModelSettingsPatch modelPatch(JsonBody model) {
    model.requireOnly(MODEL_FIELDS);
    return new ModelSettingsPatch(
        model.text("model"),
        model.optionalNumber("temperature"),
        model.optionalInt("max_tokens", 1, Integer.MAX_VALUE));
  }

  private static Integer maxActiveRequests(JsonBody body) {
    return body.optionalInt("max_active_requests", 0, App.MAX_ACTIVE_REQUESTS_LIMIT);
  }

  private static AppStatus status(String wire) {
    if (wire == null) {
      return null;
    }
    return switch (wire) {
      case "normal" -> AppStatus.NORMAL;
      case "disabled" -> AppStatus.DISABLED;
      default -> throw new InvalidInputException("status", "must be normal or disabled");
    };
  }
}
