package dev.shortlease.adapter.persistence;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Persistence setting: what stands between the pool and PostgreSQL, and where Flyway migrates.
 *
 * <p>{@link Kind#PGBOUNCER} is PgBouncer in transaction mode (before 1.21 it tracks no
 * protocol-level prepared statements): every transaction may run on another server connection, so
 * nothing may live in the session. The pool then asks pgjdbc for unnamed statements only ({@code
 * prepareThreshold=0}), sends no startup {@code options} or {@code search_path} (PgBouncer refuses
 * both), and sets the statement and lock timeouts and the schema inside each transaction ({@link
 * TransactionLocalSettings}). Flyway's lock and its {@code search_path} are session state too, so
 * migrations need a direct URL ({@code migrationJdbcUrl}). See docs/pgbouncer.md.
 *
 * @param kind {@link Kind#NONE}: connections go straight to the database
 * @param migrationJdbcUrl where Flyway migrates; null: the service's own URL (not allowed with
 *     PgBouncer)
 */
public record PoolerSettings(Kind kind, String migrationJdbcUrl) {

  /** What the service's connections go through. */
  public enum Kind {
    NONE,
    PGBOUNCER;

    /** The setting's spelling, {@code none} or {@code pgbouncer}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Straight to the database, migrations over the same URL. */
  public static final PoolerSettings DIRECT = new PoolerSettings(Kind.NONE, null);

  /** Startup parameters PgBouncer answers with "unsupported startup parameter". */
  private static final Pattern REFUSED_PARAMETER =
      Pattern.compile("(?i)[?&](options|currentSchema|search_path)=");

  private static final Pattern PREPARE_THRESHOLD =
      Pattern.compile("(?i)[?&]prepareThreshold=([^&]*)");

  public PoolerSettings {
    Objects.requireNonNull(kind, "kind");
    if (migrationJdbcUrl != null && !migrationJdbcUrl.startsWith("jdbc:")) {
      throw new IllegalArgumentException("migrationJdbcUrl must start with jdbc:");
    }
  }

  /** Through PgBouncer in transaction mode, Flyway over {@code migrationJdbcUrl}. */
  public static PoolerSettings pgbouncer(String migrationJdbcUrl) {
    return new PoolerSettings(Kind.PGBOUNCER, migrationJdbcUrl);
  }

  /** True when each transaction may run on a different server session. */
  public boolean transactionPooling() {
    return kind == Kind.PGBOUNCER;
  }

  /** Where Flyway migrates, given the service's URL. */
  public String migrationUrl(String jdbcUrl) {
    return migrationJdbcUrl == null ? jdbcUrl : migrationJdbcUrl;
  }

  /**
   * Why the service's {@code jdbcUrl} cannot work with this setting, or null when it can. The
   * sentences name the environment variables, since that is where an operator fixes them.
   */
  public String problemWith(String jdbcUrl) {
    if (kind == Kind.NONE) {
      return null;
    }
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      return "DATABASE_POOLER=pgbouncer needs a jdbc:postgresql:// DATABASE_URL (PgBouncer's address)";
    }
    Matcher refused = REFUSED_PARAMETER.matcher(jdbcUrl);
    if (refused.find()) {
      return "DATABASE_URL must not carry "
          + refused.group(1)
          + " with DATABASE_POOLER=pgbouncer: PgBouncer refuses it as a startup parameter (the"
          + " timeouts and the schema are set inside each transaction instead)";
    }
    Matcher threshold = PREPARE_THRESHOLD.matcher(jdbcUrl);
    if (threshold.find() && !threshold.group(1).equals("0")) {
      return "DATABASE_URL must not set prepareThreshold="
          + threshold.group(1)
          + " with DATABASE_POOLER=pgbouncer: named prepared statements break in transaction"
          + " mode (the service sets prepareThreshold=0)";
    }
    if (migrationJdbcUrl == null) {
      return "DATABASE_POOLER=pgbouncer needs DATABASE_MIGRATION_URL: a jdbc:postgresql:// URL"
          + " straight to PostgreSQL (or to a session-mode pool) for Flyway, whose migration lock"
          + " and search_path are session state that transaction mode does not keep";
    }
    if (!migrationJdbcUrl.startsWith("jdbc:postgresql:")) {
      return "DATABASE_MIGRATION_URL must be a jdbc:postgresql:// URL with"
          + " DATABASE_POOLER=pgbouncer, was '"
          + PersistenceSettings.redacted(migrationJdbcUrl)
          + "'";
    }
    return null;
  }

  /** Never prints secrets of the migration URL. */
  @Override
  public String toString() {
    return "PoolerSettings[kind=%s, migrationJdbcUrl=%s]"
        .formatted(kind.id(), PersistenceSettings.redacted(migrationJdbcUrl));
  }
}
