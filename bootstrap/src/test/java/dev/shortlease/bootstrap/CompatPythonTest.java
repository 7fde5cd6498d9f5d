package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The requests Dify's Python SDK sends (PyPI {@code dify-client}, on {@code httpx}), against the
 * real server: {@code compat/python/test_sdk_calls.py}, one Python test per SDK method, run with
 * Debian's {@code python3} and {@code python3-httpx}. See docs/compatibility.md.
 */
class CompatPythonTest {
  private static final long RUN_TIMEOUT_SECONDS = 120;

  /** Every kind's upload limit, so the suite's oversized upload is refused on its length. */
  private static final int UPLOAD_LIMIT_MB = 1;

  @Test
  @DisplayName("compat/python: the Python SDK's requests, each answered as Dify answers them")
  void pythonSdkCalls() throws Exception {
    Path python = RequiredProgram.requirePython("httpx", "python3-httpx");
    Path dir = Path.of(System.getProperty("user.dir")).getParent().resolve("compat/python");
    String limit = Integer.toString(UPLOAD_LIMIT_MB);
    try (ShortleaseServer server =
        TestServers.simulated(
            Map.of(
                "UPLOAD_FILE_SIZE_LIMIT", limit,
                "UPLOAD_IMAGE_FILE_SIZE_LIMIT", limit,
                "UPLOAD_AUDIO_FILE_SIZE_LIMIT", limit,
                "UPLOAD_VIDEO_FILE_SIZE_LIMIT", limit))) {
      Api api = new Api(server);
      ProcessBuilder builder =
          new ProcessBuilder(python.toString(), "-m", "unittest", "-v", "test_sdk_calls")
              .directory(dir.toFile())
              .redirectErrorStream(true);
      builder
          .environment()
          .putAll(
              Map.of(
                  "SHORTLEASE_API", server.baseUrl() + "/v1",
                  "SHORTLEASE_CHAT_KEY", api.createApp("chat").key(),
                  "SHORTLEASE_COMPLETION_KEY", api.createApp("completion").key(),
                  "SHORTLEASE_FILES_KEY", CompatNodeTest.filesApp(api),
                  "SHORTLEASE_UPLOAD_LIMIT_BYTES", Integer.toString(UPLOAD_LIMIT_MB << 20),
                  "PYTHONDONTWRITEBYTECODE", "1"));
      Path log = Files.createTempFile("compat-python", ".log");
      builder.redirectOutput(log.toFile());
      Process run = builder.start();
      boolean ended = run.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (!ended) {
        run.destroyForcibly();
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      Files.delete(log);
      assertThat(ended).as("python ended within %d s:%n%s", RUN_TIMEOUT_SECONDS, output).isTrue();
      assertThat(run.exitValue()).as(output).isZero();
      assertThat(output).as(output).containsPattern("Ran [1-9][0-9] tests").contains("\nOK");
    }
  }
}
