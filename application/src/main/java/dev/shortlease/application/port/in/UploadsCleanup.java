package dev.shortlease.application.port.in;

/**
 * What the operator's uploads cleanup deleted: {@code deleted} upload records (with their bytes),
 * {@code deletedStoredFiles} files found in the file store with no upload record at all, and {@code
 * deletedIncompleteWrites} writes to the store that never finished (a crash mid-write); and {@code
 * skippedDirectories}, the directories of the store its walk could not read and went past (each
 * logged by name): not zero, what is in them was not looked at, and the next cleanup tries again.
 */
public record UploadsCleanup(
    int deleted, int deletedStoredFiles, int deletedIncompleteWrites, int skippedDirectories) {}
