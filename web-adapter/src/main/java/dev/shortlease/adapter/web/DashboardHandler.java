package dev.shortlease.adapter.web;

import dev.shortlease.application.port.in.InspectActivityUseCase;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Web adapter: the live page. {@code /dashboard} and its script are open (they hold no data; the
 * page asks for the admin token and keeps it in the tab's sessionStorage), {@code /admin/activity}
 * answers the data to the admin token only. A strict Content-Security-Policy allows nothing but
 * this origin's own script and style: no inline code, no CDN.
 */
public final class DashboardHandler {
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src"
          + " 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  private static final int DEFAULT_CHATS = 20;

  private final ApiAuth auth;
  private final InspectActivityUseCase activity;
  private final Map<String, byte[]> assets;

  @Inject
  public DashboardHandler(ApiAuth auth, InspectActivityUseCase activity) {
    this.auth = auth;
    this.activity = activity;
    this.assets =
        Map.of(
            "dashboard.html", resource("dashboard.html"),
            "dashboard.js", resource("dashboard.js"),
            "dashboard.css", resource("dashboard.css"));
  }

  void page(Context ctx) {
    asset(ctx, "dashboard.html", "text/html; charset=utf-8");
  }

  void script(Context ctx) {
    asset(ctx, "dashboard.js", "text/javascript; charset=utf-8");
  }

  void style(Context ctx) {
    asset(ctx, "dashboard.css", "text/css; charset=utf-8");
  }

  void activity(Context ctx) {
    auth.requireAdmin(ctx);
    String chats = ctx.queryParam("chats");
    int max = DEFAULT_CHATS;
    if (chats != null) {
      try {
        max = Integer.parseInt(chats);
      } catch (NumberFormatException e) {
        max = -1; // the use case names the field and its range
      }
    }
    ctx.header("Cache-Control", "no-store");
    Responses.ok(ctx, activity.recent(max));
  }

  private void asset(Context ctx, String name, String type) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType(type).result(assets.get(name));
  }

  private static byte[] resource(String name) {
    try (InputStream in = DashboardHandler.class.getResourceAsStream("/dashboard/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource /dashboard/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
