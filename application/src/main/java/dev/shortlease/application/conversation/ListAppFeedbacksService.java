package dev.shortlease.application.conversation;

import dev.shortlease.application.port.in.ListAppFeedbacksUseCase;
import dev.shortlease.domain.AppFeedback;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.InvalidInputException;
import dev.shortlease.domain.Page;
import dev.shortlease.domain.port.AppFeedbacksPort;
import jakarta.inject.Inject;
import java.util.List;

/** Use case: the app's ratings, a page at a time (Dify: page from 1, limit 1..101). */
public final class ListAppFeedbacksService implements ListAppFeedbacksUseCase {
  /** Dify's bound on this list's page size (one more than the other lists'). */
  static final int MAX_LIMIT = 101;

  private final AppFeedbacksPort feedbacks;

  @Inject
  public ListAppFeedbacksService(AppFeedbacksPort feedbacks) {
    this.feedbacks = feedbacks;
  }

  @Override
  public List<AppFeedback> list(AppId appId, int page, int limit) {
    Page.requirePageNumber(page);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
    }
    return feedbacks.listFeedbacks(appId, page, limit);
  }
}
