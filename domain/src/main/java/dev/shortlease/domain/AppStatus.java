package dev.shortlease.domain;

/** Whether an app serves requests at all. */
public enum AppStatus {
  NORMAL,
  DISABLED
}
