package dev.shortlease.adapter.web;

import dev.shortlease.adapter.web.QueryParams.AboveMax;
import dev.shortlease.adapter.web.QueryParams.Check;
import dev.shortlease.application.port.in.ConfigureAnnotationReplyUseCase;
import dev.shortlease.application.port.in.ManageAnnotationsUseCase;
import dev.shortlease.domain.AnnotationId;
import dev.shortlease.domain.AnnotationJob;
import dev.shortlease.domain.AnnotationJobId;
import dev.shortlease.domain.AnnotationJobStatus;
import dev.shortlease.domain.AnnotationReplyAction;
import dev.shortlease.domain.AnnotationReplySettings;
import dev.shortlease.domain.AnnotationText;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.InvalidIdException;
import dev.shortlease.domain.NotFoundException;
import io.javalin.http.Context;
import jakarta.inject.Inject;

/**
 * Web adapter: {@code /v1/apps/annotations} (list, create, update, delete) and {@code
 * /v1/apps/annotation-reply/{action}} with its job status, as Dify's service API serves them.
 */
public final class AnnotationsHandler {
  private final ApiAuth auth;
  private final ManageAnnotationsUseCase annotations;
  private final ConfigureAnnotationReplyUseCase reply;
  private final WebSettings settings;

  @Inject
  public AnnotationsHandler(
      ApiAuth auth,
      ManageAnnotationsUseCase annotations,
      ConfigureAnnotationReplyUseCase reply,
      WebSettings settings) {
    this.auth = auth;
    this.annotations = annotations;
    this.reply = reply;
    this.settings = settings;
  }

  /** {@code page} (default 1), {@code limit} (default 20, above 100 capped), {@code keyword}. */
  void list(Context ctx) {
    AppId app = auth.app(ctx).id();
    int page = QueryParams.page(ctx, Check.POSITIVE);
    int limit = QueryParams.limit(ctx, Check.POSITIVE, AboveMax.CLAMP);
    String keyword = ctx.queryParam("keyword");
    Responses.ok(
        ctx, AnnotationWire.page(annotations.list(app, page, limit, keyword), page, limit));
  }

  void create(Context ctx) {
    AppId app = auth.app(ctx).id();
    AnnotationText text = text(JsonRequest.read(ctx, settings.maxBodyBytes()));
    Responses.json(ctx, 201, AnnotationWire.item(annotations.create(app, text)));
  }

  void update(Context ctx) {
    AppId app = auth.app(ctx).id();
    AnnotationId id = AnnotationId.parse(ctx.pathParam("annotation_id"), "annotation_id");
    AnnotationText text = text(JsonRequest.read(ctx, settings.maxBodyBytes()));
    try {
      Responses.ok(ctx, AnnotationWire.item(annotations.update(app, id, text)));
    } catch (NotFoundException e) {
      throw annotationNotFound();
    }
  }

  void delete(Context ctx) {
    AppId app = auth.app(ctx).id();
    AnnotationId id = AnnotationId.parse(ctx.pathParam("annotation_id"), "annotation_id");
    try {
      annotations.delete(app, id);
    } catch (NotFoundException e) {
      throw annotationNotFound();
    }
    ctx.status(204);
  }

  /** Dify validates the whole body first, so {@code disable} needs the same three fields. */
  void configure(Context ctx) {
    AppId app = auth.app(ctx).id();
    AnnotationReplyAction action = action(ctx);
    JsonBody body = JsonRequest.read(ctx, settings.maxBodyBytes());
    Double threshold = body.optionalNumber("score_threshold");
    if (threshold == null) {
      throw new ApiException(ApiError.invalidParam("score_threshold is required"));
    }
    AnnotationReplySettings requested =
        AnnotationReplySettings.requested(
            threshold, body.text("embedding_provider_name"), body.text("embedding_model_name"));
    Responses.ok(ctx, AnnotationWire.started(reply.start(app, action, requested)));
  }

  void status(Context ctx) {
    AppId app = auth.app(ctx).id();
    AnnotationReplyAction action = action(ctx);
    try {
      AnnotationJobId id = AnnotationJobId.parse(ctx.pathParam("job_id"), "job_id");
      AnnotationJob job = reply.status(app, action, id);
      Responses.ok(ctx, AnnotationWire.status(job, job.status() == AnnotationJobStatus.ERROR));
    } catch (NotFoundException | InvalidIdException e) {
      throw new ApiException(ApiError.invalidParam("The job does not exist."));
    }
  }

  private static AnnotationText text(JsonBody body) {
    return new AnnotationText(body.text("question"), body.text("answer"));
  }

  private static AnnotationReplyAction action(Context ctx) {
    return switch (ctx.pathParam("action")) {
      case "enable" -> AnnotationReplyAction.ENABLE;
      case "disable" -> AnnotationReplyAction.DISABLE;
      default ->
          throw new ApiException(ApiError.invalidParam("Unsupported annotation reply action"));
    };
  }

  private static ApiException annotationNotFound() {
    return new ApiException(ApiError.notFound("Annotation not found"));
  }
}
