package dev.shortlease.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Admin integer fields given a number too large for them: the 400 says the limit, not "must be an
 * integer" (misleading for 99999999999999999999, which is one).
 */
class AdminIntegerInputTest {
  private static final String APP = "/admin/apps/00000000-0000-4000-8000-000000000001";
  @RegisterExtension final StubApi api = new StubApi();
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "POST |/admin/apps|{'name':'a','mode':'chat','model_settings':{'model':'m','max_tokens':#}}"
            + "|model_settings.max_tokens must be an integer between 1 and 2147483647",
        "PATCH|APP|{'model_settings':{'max_tokens':#}}"
            + "|model_settings.max_tokens must be an integer between 1 and 2147483647",
        "PATCH|APP|{'max_active_requests':#}"
            + "|max_active_requests must be an integer between 0 and 1000000",
        "PATCH|APP|{'file_upload':{'number_limits':#}}"
            + "|file_upload.number_limits must be an integer between 1 and 10",
        "POST |/admin/apps|{'name':'a','mode':'chat','file_upload':{'number_limits':#}}"
            + "|file_upload.number_limits must be an integer between 1 and 10",
        "POST |/admin/uploads/cleanup|{'older_than_hours':#}"
            + "|older_than_hours must be an integer between 1 and 876000",
        "POST |/admin/apps|{'name':'a','mode':'chat','user_input_form':[{'text-input':"
            + "{'label':'N','variable':'n','max_length':#}}]}"
            + "|user_input_form[0].text-input.max_length must be an integer between 1 and 2147483647",
      })
  @DisplayName("a huge integer is refused with the field's range")
  void hugeInteger(String method, String path, String body, String message) throws Exception {
    for (String huge : new String[] {"99999999999999999999", "1e20", "2147483648"}) {
      JsonNode error = send(method.strip(), path, body.replace('\'', '"').replace("#", huge));

      assertThat(error.get("code").asText()).isEqualTo("invalid_param");
      assertThat(error.get("message").asText()).as(huge).startsWith(message);
    }
  }

  private JsonNode send(String method, String path, String body) throws Exception {
    String target = "http://127.0.0.1:" + api.port() + (path.equals("APP") ? APP : path);
    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(URI.create(target))
                .header("Authorization", "Bearer " + StubUseCases.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    return Json.MAPPER.readTree(answer.body());
  }
}
