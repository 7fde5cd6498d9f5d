package dev.shortlease.application.port.in;

import dev.shortlease.domain.Annotation;
import dev.shortlease.domain.AnnotationId;
import dev.shortlease.domain.AnnotationPage;
import dev.shortlease.domain.AnnotationText;
import dev.shortlease.domain.AppId;

/** Use case: list, create, change and delete an app's annotations. */
public interface ManageAnnotationsUseCase {

  /** Page {@code page} (from 1) of at most {@code limit} (1..100), newest first. */
  AnnotationPage list(AppId app, int page, int limit, String keyword);

  /** Creates it; when annotation reply is on, its question is embedded before this returns. */
  Annotation create(AppId app, AnnotationText text);

  /**
   * Changes it (embedded again when reply is on); {@link dev.shortlease.domain.NotFoundException}
   * ("annotation") when the app has no such annotation.
   */
  Annotation update(AppId app, AnnotationId id, AnnotationText text);

  /** Deletes it and its hit history; {@link dev.shortlease.domain.NotFoundException} if missing. */
  void delete(AppId app, AnnotationId id);
}
