package dev.shortlease.application.port.in;

/**
 * What the operator's uploads cleanup deleted: {@code deleted} upload records (with their bytes),
 * {@code deletedStoredFiles} files found in the file store with no upload record at all, and {@code
 * deletedIncompleteWrites} writes to the store that never finished (a crash mid-write).
 */
public record UploadsCleanup(int deleted, int deletedStoredFiles, int deletedIncompleteWrites) {}
