package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code [pgbouncer]} settings docs/pgbouncer.md tells an operator to use load in the real
 * PgBouncer: an operator copies them as they are, and PgBouncer refuses a whole file for one value
 * it cannot read (an inline comment, say).
 */
class PgBouncerSampleSettingsTest {
  private static final Path PGBOUNCER = Path.of("/usr/sbin/pgbouncer");
  private static final Pattern INI_BLOCK =
      Pattern.compile(
          "## PgBouncer settings that matter[^\\n]*\\n+```ini\\n(.*?)```", Pattern.DOTALL);

  @Test
  @DisplayName("PgBouncer starts with docs/pgbouncer.md's sample settings")
  void theDocumentedSettingsLoad(@TempDir Path dir) throws IOException, InterruptedException {
    Path pgbouncer = RequiredProgram.require(PGBOUNCER, "pgbouncer");
    String doc =
        Files.readString(
            MetricsAfterChatsTest.repository().resolve("docs/pgbouncer.md"),
            StandardCharsets.UTF_8);
    Matcher sample = INI_BLOCK.matcher(doc);
    assertThat(sample.find()).as("an ini block under 'PgBouncer settings that matter'").isTrue();
    assertThat(sample.group(1)).startsWith("[pgbouncer]\n");
    Files.writeString(dir.resolve("userlist.txt"), "\"shortlease\" \"\"\n");
    // What the sample leaves to the reader: where to listen, whom to trust, which database.
    String ini =
        sample.group(1)
            + "listen_addr = 127.0.0.1\nlisten_port = "
            + freePort()
            + "\nunix_socket_dir =\nauth_type = trust\nauth_file = "
            + dir.resolve("userlist.txt")
            + "\n\n[databases]\nshortlease = host=127.0.0.1 dbname=shortlease\n";
    Path config = dir.resolve("pgbouncer.ini");
    Files.writeString(config, ini, StandardCharsets.UTF_8);
    dir.toFile().setReadable(true, false);
    dir.toFile().setExecutable(true, false);
    config.toFile().setReadable(true, false);
    dir.resolve("userlist.txt").toFile().setReadable(true, false);

    List<String> command = new ArrayList<>(List.of(pgbouncer.toString()));
    if ("root".equals(System.getProperty("user.name"))) {
      command.addAll(List.of("-u", "nobody")); // PgBouncer refuses to run as root
    }
    command.add(config.toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      // It exits at once when the file does not load; loaded, it listens and keeps running.
      boolean exited = process.waitFor(3, TimeUnit.SECONDS);
      String log =
          exited ? new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8) : "";
      assertThat(exited).as("PgBouncer exited on the documented settings: %s", log).isFalse();
    } finally {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
