package dev.shortlease.application.port.in;

import dev.shortlease.domain.AppFeedback;
import dev.shortlease.domain.AppId;
import java.util.List;

/** Use case: every rating the app's end users gave, a page at a time, the latest first. */
public interface ListAppFeedbacksUseCase {

  /** Page {@code page} (from 1) of at most {@code limit} ratings. */
  List<AppFeedback> list(AppId appId, int page, int limit);
}
