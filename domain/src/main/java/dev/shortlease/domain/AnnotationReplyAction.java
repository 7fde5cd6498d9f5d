package dev.shortlease.domain;

/** What an annotation reply job does: turn the reply on (embedding every annotation) or off. */
public enum AnnotationReplyAction {
  ENABLE,
  DISABLE
}
