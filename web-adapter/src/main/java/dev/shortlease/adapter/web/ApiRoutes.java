package dev.shortlease.adapter.web;

import io.javalin.config.RoutesConfig;
import jakarta.inject.Inject;

/**
 * Every route the server serves and its handler, in registration order ({@link HttpApi#routes()};
 * docs/service.md lists them and {@code RoutesDocTest} compares).
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
    routes.get("/v1/messages", messages::list);
    routes.post("/v1/messages/{message_id}/feedbacks", messages::feedback);
    routes.get("/v1/messages/{message_id}/suggested", messages::suggested);
    routes.get("/v1/conversations", conversations::list);
    routes.post("/v1/conversations/{conversation_id}/name", conversations::rename);
    routes.delete("/v1/conversations/{conversation_id}", conversations::delete);
    routes.get("/v1/parameters", info::parameters);
    routes.get("/v1/info", info::info);
    routes.get("/v1/meta", info::meta);
    // annotations
    routes.get("/v1/apps/annotations", annotations::list);
    routes.post("/v1/apps/annotations", annotations::create);
    routes.put("/v1/apps/annotations/{annotation_id}", annotations::update);
    routes.delete("/v1/apps/annotations/{annotation_id}", annotations::delete);
    routes.post("/v1/apps/annotation-reply/{action}", annotations::configure);
    routes.get("/v1/apps/annotation-reply/{action}/status/{job_id}", annotations::status);
    // forms and the app's other reads: site, feedbacks, end users, conversation variables
    routes.get("/v1/", site::index);
    routes.get("/v1", site::index); // the base URL as clients write it (Dify redirects it to /v1/)
    routes.get("/v1/site", site::site);
    routes.get("/v1/app/feedbacks", appUsers::feedbacks);
    routes.get("/v1/end-users/{end_user_id}", appUsers::endUser);
    routes.get("/v1/conversations/{conversation_id}/variables", variables::list);
    routes.put("/v1/conversations/{conversation_id}/variables/{variable_id}", variables::update);

    // files and audio
    routes.post("/v1/files/upload", files::upload);
    routes.get("/v1/files/{file_id}/preview", files::preview);
    routes.post("/v1/audio-to-text", audio::audioToText);
    routes.post("/v1/text-to-audio", audio::textToAudio);

    routes.post("/admin/apps", admin::create);
    routes.get("/admin/apps", admin::list);
    routes.get("/admin/apps/{app_id}", admin::get);
    routes.patch("/admin/apps/{app_id}", admin::update);
    routes.post("/admin/apps/{app_id}/keys", admin::issueKey);
    routes.get("/admin/apps/{app_id}/keys", admin::listKeys);
    routes.delete("/admin/apps/{app_id}/keys/{key_id}", admin::revokeKey);
    routes.get("/admin/pool", ops::pool);
    routes.post("/admin/uploads/cleanup", ops::cleanUpUploads);
    routes.get("/admin/activity", dashboard::activity);
    routes.get("/dashboard", dashboard::page);
    routes.get("/dashboard/dashboard.js", dashboard::script);
    routes.get("/dashboard/dashboard.css", dashboard::style);

    routes.get("/metrics", ops::metrics);
    routes.get("/health/live", ops::live);
    routes.get("/health/ready", ops::ready);
  }
}
