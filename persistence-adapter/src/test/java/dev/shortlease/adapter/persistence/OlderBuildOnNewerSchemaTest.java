package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.persistence.testing.H2TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rollback during a rolling update (docs/deployment.md, "Upgrades and rollbacks"): the previous
 * build starts on a schema the newer one already migrated. Flyway must leave the migration it does
 * not know in place and let it start, not refuse it; that is Flyway's default, which a setting
 * added to {@link SchemaMigration} could lose.
 */
class OlderBuildOnNewerSchemaTest {
  private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
  private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

  @TempDir Path olderBuild;

  @Test
  @DisplayName("the previous build's migrations on the newer schema: nothing to do, and it starts")
  void olderBuildStarts() throws IOException {
    PersistenceSettings database = H2TestDatabase.newDatabase();
    SchemaMigration.migrate(database);
    List<Path> all = migrations();
    for (Path migration : all.subList(0, all.size() - 1)) {
      Files.copy(migration, olderBuild.resolve(migration.getFileName()));
    }

    Flyway older =
        SchemaMigration.configuration(database).locations("filesystem:" + olderBuild).load();
    MigrateResult result = older.migrate();

    assertThat(result.success).isTrue();
    assertThat(result.migrationsExecuted).isZero();
    assertThat(older.validateWithResult().validationSuccessful).isTrue();
    assertThat(older.info().current().getVersion().getVersion())
        .as("the newer build's migration stays applied")
        .isEqualTo(version(all.getLast()));
  }

  private static List<Path> migrations() throws IOException {
    try (var files = Files.list(MIGRATIONS)) {
      return files
          .filter(f -> VERSION.matcher(f.getFileName().toString()).matches())
          .sorted(Comparator.comparingInt(f -> Integer.parseInt(version(f))))
          .toList();
    }
  }

  private static String version(Path migration) {
    Matcher m = VERSION.matcher(migration.getFileName().toString());
    if (!m.matches()) {
      throw new IllegalArgumentException(migration.toString());
    }
    return m.group(1);
  }
}
