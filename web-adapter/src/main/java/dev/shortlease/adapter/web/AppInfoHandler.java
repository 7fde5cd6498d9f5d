package dev.shortlease.adapter.web;

import dev.shortlease.application.port.in.ConfigureAnnotationReplyUseCase;
import dev.shortlease.application.port.in.DescribeToolsUseCase;
import dev.shortlease.domain.App;
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

  @Inject
  public AppInfoHandler(
      ApiAuth auth, DescribeToolsUseCase tools, ConfigureAnnotationReplyUseCase annotationReply) {
    this.auth = auth;
    this.tools = tools;
    this.annotationReply = annotationReply;
  }

  void parameters(Context ctx) {
    App app = auth.app(ctx);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("opening_statement", app.openingStatement());
    body.put("suggested_questions", app.suggestedQuestions());
    body.put("suggested_questions_after_answer", Map.of("enabled", app.mode().isConversational()));
    body.put("speech_to_text", OFF);
    body.put(
        "text_to_speech",
        Map.of("enabled", false, "voice", "", "language", "", "autoPlay", "disabled"));
    body.put("retriever_resource", OFF);
    body.put("annotation_reply", Map.of("enabled", annotationReply.isEnabled(app.id())));
    body.put("more_like_this", OFF);
    body.put("sensitive_word_avoidance", OFF);
    body.put("user_input_form", FormWire.form(app.userInputForm()));
    body.put(
        "file_upload",
        Map.of(
            "image",
            Map.of(
                "enabled",
                false,
                "number_limits",
                0,
                "detail",
                "high",
                "transfer_methods",
                List.of())));
    body.put(
        "system_parameters",
        Map.of(
            "file_size_limit", 0,
            "image_file_size_limit", 0,
            "audio_file_size_limit", 0,
            "video_file_size_limit", 0,
            "workflow_file_upload_limit", 0));
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
