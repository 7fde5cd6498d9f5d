package dev.shortlease.adapter.persistence.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.adapter.persistence.PersistenceSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class PgBouncerFixtureTest {
  private static final List<Path> NOWHERE = List.of(Path.of("/nonexistent/pgbouncer"));

  @Test
  @DisplayName(
      "without a pgbouncer binary the test is skipped, and the console says what to install")
  void skipsWithoutBinary() {
    List<String> console = new ArrayList<>();

    assertThatThrownBy(
            () ->
                PgBouncerFixture.requireBinary(
                    Map.of("PATH", "/nonexistent"), console::add, NOWHERE))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageStartingWith(PgBouncerFixture.SKIP_NOTICE)
        .hasMessageContaining("apt-get install pgbouncer");
    assertThat(console).singleElement().asString().contains("not installed");
  }

  @Test
  @DisplayName("under CI=true a missing binary fails the test instead")
  void failsUnderCi() {
    assertThatThrownBy(
            () ->
                PgBouncerFixture.requireBinary(
                    Map.of("CI", "true", "PATH", "/nonexistent"), line -> {}, NOWHERE))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("CI=true but pgbouncer is not installed");
  }

  @Test
  @DisplayName("PGBOUNCER names the binary, and PATH is searched")
  void findsTheBinary(@TempDir Path dir) throws Exception {
    Path binary = Files.createFile(dir.resolve("pgbouncer"));
    Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));

    assertThat(
            PgBouncerFixture.requireBinary(
                Map.of("PGBOUNCER", binary.toString()), l -> {}, NOWHERE))
        .isEqualTo(binary);
    assertThat(PgBouncerFixture.requireBinary(Map.of("PATH", dir.toString()), l -> {}, NOWHERE))
        .isEqualTo(binary);
  }

  @Test
  @DisplayName(
      "the ini: transaction mode on 127.0.0.1, no Unix socket, the test schema per server connection")
  void ini(@TempDir Path dir) {
    PersistenceSettings direct =
        PersistenceSettings.of(
                "jdbc:postgresql://db.local:6543/test?user=svc&password=pw", null, null)
            .withSchema("test_ab12");
    PgBouncerFixture.Upstream upstream = PgBouncerFixture.Upstream.of(direct);

    String ini =
        PgBouncerFixture.ini(
            PgBouncerFixture.builder(direct).poolSize(4).maxClientConn(50),
            upstream,
            "alias",
            23456,
            dir);

    assertThat(upstream)
        .isEqualTo(new PgBouncerFixture.Upstream("db.local", 6543, "test", "svc", "pw"));
    assertThat(ini)
        .contains(
            "alias = host=db.local port=6543 dbname=test user=svc password=pw"
                + " connect_query='SET search_path TO test_ab12'")
        .contains("listen_addr = 127.0.0.1\n", "listen_port = 23456\n", "unix_socket_dir =\n")
        .contains("pool_mode = transaction\n", "default_pool_size = 4\n", "max_client_conn = 50\n")
        .contains("auth_type = trust\n", "admin_users = svc\n");
  }
}
