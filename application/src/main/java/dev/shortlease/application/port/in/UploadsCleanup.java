package dev.shortlease.application.port.in;

/**
 * What the operator's uploads cleanup deleted: {@code deleted} upload records (with their bytes),
 * and {@code deletedStoredFiles} files found in the file store with no upload record at all.
 */
public record UploadsCleanup(int deleted, int deletedStoredFiles) {}
