package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Dify's real client code against the real server: each file of {@code compat/node/test} (Dify's
 * Node SDK, every method; Dify's web-chat stream rendering) runs with {@code node --test} as one
 * test here. See docs/compatibility.md.
 */
class CompatNodeTest {
  private static NodeCompatProject node;
  private static ShortleaseServer server;
  private static Map<String, String> env;

  @BeforeAll
  static void start() throws Exception {
    node = NodeCompatProject.installed();
    server = TestServers.simulated(Map.of());
    Api api = new Api(server);
    env =
        Map.of(
            "SHORTLEASE_API", server.baseUrl() + "/v1",
            "SHORTLEASE_CHAT_KEY", api.createApp("chat").key(),
            "SHORTLEASE_AGENT_KEY", api.createApp("agent-chat").key(),
            "SHORTLEASE_COMPLETION_KEY", api.createApp("completion").key(),
            "SHORTLEASE_FILES_KEY", filesApp(api));
  }

  /** A chat app that takes uploaded images, for the SDKs' file uploads. */
  static String filesApp(Api api) {
    Api.AppKey app = api.createApp("chat");
    Api.Reply patched =
        api.patch(
            "/admin/apps/" + app.id(),
            TestServers.ADMIN_TOKEN,
            "{\"file_upload\":{\"enabled\":true,\"allowed_file_types\":[\"image\"],"
                + "\"allowed_file_upload_methods\":[\"local_file\"],\"number_limits\":1}}");
    if (patched.status() != 200) {
      throw new IllegalStateException("enabling uploads failed: " + patched.text());
    }
    return app.key();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> nodeTestFiles() throws Exception {
    List<Path> files = node.testFiles();
    assertThat(files).isNotEmpty();
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    "compat/node/test/" + file.getFileName(),
                    () -> {
                      NodeCompatProject.Result result = node.run(file, env);
                      assertThat(result.exitCode()).as(result.output()).isZero();
                    }));
  }
}
