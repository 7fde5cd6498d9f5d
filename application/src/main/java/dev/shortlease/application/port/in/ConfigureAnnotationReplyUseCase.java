package dev.shortlease.application.port.in;

import dev.shortlease.domain.AnnotationJob;
import dev.shortlease.domain.AnnotationJobId;
import dev.shortlease.domain.AnnotationReplyAction;
import dev.shortlease.domain.AnnotationReplySettings;
import dev.shortlease.domain.AppId;

/** Use case: turn an app's annotation reply on or off, as a background job, and report on it. */
public interface ConfigureAnnotationReplyUseCase {

  /**
   * Starts the job and returns it as {@code waiting}; when one of this action is already running
   * for the app, returns that one as {@code processing} instead (as Dify does).
   */
  AnnotationJob start(AppId app, AnnotationReplyAction action, AnnotationReplySettings settings);

  /**
   * The job's state; {@link dev.shortlease.domain.NotFoundException} ("job") when the app has no
   * such job of this action.
   */
  AnnotationJob status(AppId app, AnnotationReplyAction action, AnnotationJobId job);

  /** Whether annotation reply is on for the app ({@code /v1/parameters} reports it). */
  boolean isEnabled(AppId app);
}
