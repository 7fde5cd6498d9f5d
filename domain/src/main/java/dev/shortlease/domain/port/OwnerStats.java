package dev.shortlease.domain.port;

/** Counts of one owner's data, for the database-reading demo tool. */
public record OwnerStats(long conversations, long messages, long totalTokens) {}
