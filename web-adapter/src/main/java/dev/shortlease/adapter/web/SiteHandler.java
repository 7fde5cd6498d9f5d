package dev.shortlease.adapter.web;

import dev.shortlease.domain.App;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Web adapter: {@code GET /v1/} (the API's greeting, open as in Dify; the Node SDK's {@code
 * getRoot}) and {@code GET /v1/site} (the web app settings clients read on load). This service has
 * no hosted web app, so the site is the app's name and description with Dify's defaults for the
 * rest.
 */
public final class SiteHandler {
  /** The version this build reports; the jar's manifest, when it has one. */
  private static final String VERSION =
      SiteHandler.class.getPackage().getImplementationVersion() == null
          ? "dev"
          : SiteHandler.class.getPackage().getImplementationVersion();

  private final ApiAuth auth;

  @Inject
  public SiteHandler(ApiAuth auth) {
    this.auth = auth;
  }

  void index(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("welcome", "Dify OpenAPI");
    body.put("api_version", "v1");
    body.put("server_version", VERSION);
    Responses.ok(ctx, body);
  }

  void site(Context ctx) {
    App app = auth.app(ctx);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", app.name());
    body.put("chat_color_theme", null);
    body.put("chat_color_theme_inverted", false);
    body.put("icon_type", "emoji");
    body.put("icon", "🤖");
    body.put("icon_background", "#FFEAD5");
    body.put("icon_url", null);
    body.put("description", app.description());
    body.put("copyright", null);
    body.put("privacy_policy", null);
    body.put("input_placeholder", null);
    body.put("custom_disclaimer", "");
    body.put("default_language", "en-US");
    body.put("show_workflow_steps", false);
    body.put("use_icon_as_answer_icon", false);
    Responses.ok(ctx, body);
  }
}
