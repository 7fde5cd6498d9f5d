package dev.shortlease.application.annotation;

import dev.shortlease.domain.AnnotationId;

/** The annotation whose question is closest to a query, and how close (cosine similarity). */
public record AnnotationMatch(AnnotationId id, double score) {}
