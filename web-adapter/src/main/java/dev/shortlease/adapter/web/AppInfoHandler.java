package dev.shortlease.adapter.web;

import dev.shortlease.application.port.in.ConfigureAnnotationReplyUseCase;
import dev.shortlease.application.port.in.ConfigureAppMediaUseCase;
import dev.shortlease.application.port.in.DescribeToolsUseCase;
import dev.shortlease.application.port.in.UploadFileUseCase;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppMedia;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Web adapter: {@code /v1/parameters}, {@code /v1/info}, {@code /v1/meta}: what a Dify client reads
 * to render the app. Features this service does not have are reported as disabled.
 */
public final class AppInfoHandler {
  private static final Map<String, Boolean> OFF = Map.of("enabled", false);

  private final ApiAuth auth;
  private final DescribeToolsUseCase tools;
  private final ConfigureAnnotationReplyUseCase annotationReply;
  private final ConfigureAppMediaUseCase media;
  private final UploadFileUseCase uploads;

  @Inject
  public AppInfoHandler(
      ApiAuth auth,
      DescribeToolsUseCase tools,
      ConfigureAnnotationReplyUseCase annotationReply,
      ConfigureAppMediaUseCase media,
      UploadFileUseCase uploads) {
    this.auth = auth;
    this.tools = tools;
    this.annotationReply = annotationReply;
    this.media = media;
    this.uploads = uploads;
  }

  void parameters(Context ctx) {
    App app = auth.app(ctx);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("opening_statement", app.openingStatement());
    body.put("suggested_questions", app.suggestedQuestions());
    body.put("suggested_questions_after_answer", Map.of("enabled", app.mode().isConversational()));
    AppMedia switches = media.mediaOf(app.id());
    body.put("speech_to_text", MediaWire.speechToText(switches));
    body.put("text_to_speech", MediaWire.textToSpeech(switches));
    body.put("retriever_resource", OFF);
    body.put("annotation_reply", Map.of("enabled", annotationReply.isEnabled(app.id())));
    body.put("more_like_this", OFF);
    body.put("sensitive_word_avoidance", OFF);
    body.put("user_input_form", FormWire.form(app.userInputForm()));
    body.put("file_upload", MediaWire.fileUpload(switches, uploads.limits()));
    body.put("system_parameters", MediaWire.systemParameters(uploads.limits()));
    Responses.ok(ctx, body);
  }

  void info(Context ctx) {
    App app = auth.app(ctx);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", app.name());
    body.put("description", app.description());
    body.put("tags", List.of());
    body.put("mode", WireEnums.mode(app.mode()));
    body.put("author_name", "shortlease");
    Responses.ok(ctx, body);
  }

  void meta(Context ctx) {
    Responses.ok(ctx, Map.of("tool_icons", ToolIcons.of(tools.toolNames(auth.app(ctx)))));
  }
}
