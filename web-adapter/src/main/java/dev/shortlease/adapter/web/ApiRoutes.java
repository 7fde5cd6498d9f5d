package dev.shortlease.adapter.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import jakarta.inject.Inject;

/**
 * Every route the server serves and its handler, in registration order ({@link HttpApi#routes()};
 * docs/service.md lists them and {@code RoutesDocTest} compares). Each GET route answers HEAD too.
 */
record ApiRoutes(
    ChatMessagesHandler chat,
    MessagesHandler messages,
    ConversationsHandler conversations,
    AppInfoHandler info,
    AnnotationsHandler annotations,
    AdminAppsHandler admin,
    OpsHandler ops,
    ConversationVariablesHandler variables,
    SiteHandler site,
    AppUsersHandler appUsers,
    FilesHandler files,
    AudioHandler audio,
    DashboardHandler dashboard) {

  @Inject
  ApiRoutes {}

  void addTo(RoutesConfig routes) {
    routes.post("/v1/chat-messages", chat::chat);
    routes.post("/v1/chat-messages/{task_id}/stop", chat::stopChat);
    routes.post("/v1/completion-messages", chat::completion);
    routes.post("/v1/completion-messages/{task_id}/stop", chat::stopCompletion);
    get(routes, "/v1/messages", messages::list);
    routes.post("/v1/messages/{message_id}/feedbacks", messages::feedback);
    get(routes, "/v1/messages/{message_id}/suggested", messages::suggested);
    get(routes, "/v1/conversations", conversations::list);
    routes.post("/v1/conversations/{conversation_id}/name", conversations::rename);
    routes.delete("/v1/conversations/{conversation_id}", conversations::delete);
    get(routes, "/v1/parameters", info::parameters);
    get(routes, "/v1/info", info::info);
    get(routes, "/v1/meta", info::meta);
    // annotations
    get(routes, "/v1/apps/annotations", annotations::list);
    routes.post("/v1/apps/annotations", annotations::create);
    routes.put("/v1/apps/annotations/{annotation_id}", annotations::update);
    routes.delete("/v1/apps/annotations/{annotation_id}", annotations::delete);
    routes.post("/v1/apps/annotation-reply/{action}", annotations::configure);
    get(routes, "/v1/apps/annotation-reply/{action}/status/{job_id}", annotations::status);
    // forms and the app's other reads: site, feedbacks, end users, conversation variables
    get(routes, "/v1/", site::index);
    get(routes, "/v1", site::index); // the base URL as clients write it (Dify redirects it to /v1/)
    get(routes, "/v1/site", site::site);
    get(routes, "/v1/app/feedbacks", appUsers::feedbacks);
    get(routes, "/v1/end-users/{end_user_id}", appUsers::endUser);
    get(routes, "/v1/conversations/{conversation_id}/variables", variables::list);
    routes.put("/v1/conversations/{conversation_id}/variables/{variable_id}", variables::update);

    // files and audio
    routes.post("/v1/files/upload", files::upload);
    get(routes, "/v1/files/{file_id}/preview", files::preview);
    routes.post("/v1/audio-to-text", audio::audioToText);
    routes.post("/v1/text-to-audio", audio::textToAudio);

    routes.post("/admin/apps", admin::create);
    get(routes, "/admin/apps", admin::list);
    get(routes, "/admin/apps/{app_id}", admin::get);
    routes.patch("/admin/apps/{app_id}", admin::update);
    routes.post("/admin/apps/{app_id}/keys", admin::issueKey);
    get(routes, "/admin/apps/{app_id}/keys", admin::listKeys);
    routes.delete("/admin/apps/{app_id}/keys/{key_id}", admin::revokeKey);
    get(routes, "/admin/pool", ops::pool);
    routes.post("/admin/uploads/cleanup", ops::cleanUpUploads);
    get(routes, "/admin/activity", dashboard::activity);
    get(routes, "/dashboard", dashboard::page);
    get(routes, "/dashboard/dashboard.js", dashboard::script);
    get(routes, "/dashboard/dashboard.css", dashboard::style);

    get(routes, "/metrics", ops::metrics);
    get(routes, "/health/live", ops::live);
    get(routes, "/health/ready", ops::ready);
  }

  /**
   * GET, and HEAD through the same handler, as Flask serves it: Javalin alone answers a HEAD that
   * matches a GET route with an empty 200 without running the handler, so {@code HEAD
   * /health/ready} read "ready" while draining and {@code HEAD /v1/meta} 200 without a key.
   */
  private static void get(RoutesConfig routes, String path, Handler handler) {
    routes.get(path, handler);
    routes.head(path, handler);
  }
}
