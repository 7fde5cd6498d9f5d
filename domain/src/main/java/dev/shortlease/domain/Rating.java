package dev.shortlease.domain;

/** An end user's verdict on an answer. */
public enum Rating {
  LIKE,
  DISLIKE
}
