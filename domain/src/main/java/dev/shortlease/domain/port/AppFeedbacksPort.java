package dev.shortlease.domain.port;

import dev.shortlease.domain.AppFeedback;
import dev.shortlease.domain.AppId;
import java.util.List;

/** Outbound port: the ratings an app's end users gave its messages, across all of them. */
public interface AppFeedbacksPort {

  /** Page {@code page} (from 1) of {@code limit} ratings, the latest first. */
  List<AppFeedback> listFeedbacks(AppId appId, int page, int limit);
}
