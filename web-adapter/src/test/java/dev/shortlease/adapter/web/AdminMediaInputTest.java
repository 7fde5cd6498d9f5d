package dev.shortlease.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad media switches in an admin body: a 400 whose message names the field to fix. */
class AdminMediaInputTest {
  @RegisterExtension final StubApi api = new StubApi();
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  @DisplayName("an unknown upload method names file_upload.allowed_file_upload_methods")
  void unknownUploadMethod() throws Exception {
    JsonNode error =
        create(
            "{\"file_upload\": {\"enabled\": true, \"allowed_file_upload_methods\": [\"ftp\"]}}");

    assertThat(error.get("code").asText()).isEqualTo("invalid_param");
    assertThat(error.get("message").asText())
        .isEqualTo("file_upload.allowed_file_upload_methods must be one of local_file, remote_url");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"file_upload\": {\"enable\": true}}|file_upload.enable",
        "{\"speech_to_text\": {\"on\": true}}|speech_to_text.on",
        "{\"text_to_speech\": {\"enabled\": true, \"voise\": \"alloy\"}}|text_to_speech.voise"
      })
  @DisplayName("a misspelt media switch is refused by name, not ignored as if applied")
  void unknownSwitchField(String switches, String field) throws Exception {
    JsonNode error = create(switches);

    assertThat(error.get("code").asText()).isEqualTo("invalid_param");
    assertThat(error.get("message").asText()).startsWith(field + " is not a field here");
  }

  private JsonNode create(String switches) throws Exception {
    String body = "{\"name\": \"a\", \"mode\": \"chat\", " + switches.substring(1);
    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/admin/apps"))
                .header("Authorization", "Bearer " + StubUseCases.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    return Json.MAPPER.readTree(answer.body());
  }
}
