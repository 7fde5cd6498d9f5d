package dev.shortlease.adapter.web;

import dev.shortlease.application.port.in.CleanUpUploadsUseCase;
import dev.shortlease.application.port.in.InspectPoolUseCase;
import dev.shortlease.application.port.in.ScrapeMetricsUseCase;
import dev.shortlease.application.port.in.UploadsCleanup;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Web adapter: operations endpoints. {@code /admin/pool} (admin token) shows the pool snapshot and
 * {@code /admin/uploads/cleanup} (admin token) deletes orphaned uploads; {@code /metrics} and
 * {@code /health/*} are open, as scrapers and probes expect.
 */
public final class OpsHandler {
  private static final String OLDER_THAN_HOURS = "older_than_hours";

  /** A century: an older cut-off lies before the dates a database stores (and deletes the same). */
  static final int MAX_OLDER_THAN_HOURS = 876_000;

  /** The cleanup's body is one small number. */
  private static final int CLEANUP_BODY_BYTES = 1024;

  private final ApiAuth auth;
  private final InspectPoolUseCase pool;
  private final ScrapeMetricsUseCase metrics;
  private final CleanUpUploadsUseCase uploads;
  private BooleanSupplier draining = () -> false;

  @Inject
  public OpsHandler(
      ApiAuth auth,
      InspectPoolUseCase pool,
      ScrapeMetricsUseCase metrics,
      CleanUpUploadsUseCase uploads) {
    this.auth = auth;
    this.pool = pool;
    this.metrics = metrics;
    this.uploads = uploads;
  }

  void drainingWhen(BooleanSupplier draining) {
    this.draining = draining;
  }

  void pool(Context ctx) {
    auth.requireAdmin(ctx);
    Responses.ok(ctx, pool.snapshot());
  }

  /**
   * The operator's cleanup of orphaned uploads (Dify's {@code clear-orphaned-file-records} and
   * {@code remove-orphaned-files-on-storage}): {@code {"older_than_hours": N}}, N a whole number of
   * hours from 1; the body is checked before anything is deleted. {@code deleted} counts upload
   * records deleted, {@code deleted_stored_files} stored files deleted that no record named, {@code
   * deleted_incomplete_writes} writes a crash left unfinished in the store; and what it could not
   * do, still 200 with what was done: {@code skipped_directories} directories of the store the walk
   * could not read and went past (nothing in them was cleaned), {@code undeletable_files} stored
   * files it meant to delete and the store failed to; each count exact, and the first {@link
   * UploadsCleanup#NAMED} of each named in {@code skipped_directory_paths} and {@code
   * undeletable_file_paths}, relative to the store's root (never the host's paths).
   */
  void cleanUpUploads(Context ctx) {
    auth.requireAdmin(ctx);
    JsonBody body =
        JsonRequest.read(ctx, CLEANUP_BODY_BYTES).requireOnly(List.of(OLDER_THAN_HOURS));
    Integer hours = body.optionalInt(OLDER_THAN_HOURS, 1, MAX_OLDER_THAN_HOURS);
    if (hours == null) {
      throw new ApiException(ApiError.invalidParam(OLDER_THAN_HOURS + " is required"));
    }
    UploadsCleanup cleaned = uploads.cleanUp(Duration.ofHours(hours));
    Responses.ok(
        ctx,
        Map.of(
            "result",
            "success",
            "deleted",
            cleaned.deleted(),
            "deleted_stored_files",
            cleaned.deletedStoredFiles(),
            "deleted_incomplete_writes",
            cleaned.deletedIncompleteWrites(),
            "skipped_directories",
            cleaned.skippedDirectories(),
            "skipped_directory_paths",
            cleaned.skippedDirectoryPaths(),
            "undeletable_files",
            cleaned.undeletableFiles(),
            "undeletable_file_paths",
            cleaned.undeletableFilePaths()));
  }

  void metrics(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }

  void live(Context ctx) {
    Responses.ok(ctx, Map.of("status", "UP"));
  }

  /** Not ready while shutting down or when the database does not answer. */
  void ready(Context ctx) {
    if (draining.getAsBoolean()) {
      Responses.json(ctx, 503, Map.of("status", "DOWN", "reason", "shutting down"));
    } else if (!pool.databaseReady()) {
      Responses.json(ctx, 503, Map.of("status", "DOWN", "reason", "database not ready"));
    } else {
      Responses.ok(ctx, Map.of("status", "UP"));
    }
  }
}
