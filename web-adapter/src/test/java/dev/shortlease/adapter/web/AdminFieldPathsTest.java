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
 * A bad field inside a nested object or an array is refused by its path from the body's root
 * ({@code file_upload.number_limits}, {@code files[1].type}), not by its bare name, which the
 * client could not tell apart from a top-level field.
 */
class AdminFieldPathsTest {
  private static final String APP = "/admin/apps/00000000-0000-4000-8000-000000000001";
  private static final String FORM =
      "'user_input_form':[{'paragraph':{'label':'P','variable':'p'}},{'text-input':";
  @RegisterExtension final StubApi api = new StubApi();
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @ParameterizedTest(name = "{0} {1}: {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "PATCH|APP|{'file_upload':{'number_limits':0}}"
            + "|file_upload.number_limits must be an integer between 1 and 10",
        "PATCH|APP|{'file_upload':{'enabled':'yes'}}|file_upload.enabled must be a boolean",
        "PATCH|APP|{'file_upload':{'allowed_file_types':'image'}}"
            + "|file_upload.allowed_file_types must be an array of strings",
        "PATCH|APP|{'file_upload':{'allowed_file_types':['pdf']}}"
            + "|file_upload.allowed_file_types must be one of image, document, audio, video,"
            + " custom",
        "PATCH|APP|{'file_upload':{'allowed_file_upload_methods':['ftp']}}"
            + "|file_upload.allowed_file_upload_methods must be one of local_file, remote_url",
        "PATCH|APP|{'speech_to_text':{'enabled':1}}|speech_to_text.enabled must be a boolean",
        "PATCH|APP|{'speech_to_text':{'on':true}}"
            + "|speech_to_text.on is not a field here; the fields are enabled",
        "PATCH|APP|{'text_to_speech':{'voice':5}}|text_to_speech.voice must be a string",
        "PATCH|APP|{'model_settings':{'temperature':'hot'}}"
            + "|model_settings.temperature must be a number",
        "PATCH|APP|{'model_settings':{'temperature':3}}"
            + "|model_settings.temperature must be between 0 and 2",
        "POST|/admin/apps|{'name':'a','mode':'chat','model_settings':{'model':' '}}"
            + "|model_settings.model must not be blank",
        "POST|/admin/apps|{'name':'a','mode':'chat','model_settings':{'temprature':1}}"
            + "|model_settings.temprature is not a field here; the fields are model,"
            + " temperature, max_tokens",
        "POST|/admin/apps|{'name':'a','mode':'chat',"
            + FORM
            + "{'label':'N','variable':'n','max_length':'x'}}]}"
            + "|user_input_form[1].text-input.max_length must be an integer between 1 and"
            + " 2147483647",
        "POST|/admin/apps|{'name':'a','mode':'chat',"
            + FORM
            + "{'label':'N','variable':7}}]}"
            + "|user_input_form[1].text-input.variable must be a string",
        "POST|/admin/apps|{'name':'a','mode':'chat',"
            + FORM
            + "{'label':'N','variable':'n','options':'x'}}]}"
            + "|user_input_form[1].text-input.options must be a list of strings",
        "POST|/admin/apps|{'name':'a','mode':'chat',"
            + FORM
            + "'x'}]}|user_input_form[1].text-input must be an object",
        "POST|/admin/apps|{'name':'a','mode':'chat','user_input_form':[{'slider':{}}]}"
            + "|user_input_form[0] field type must be one of text-input, paragraph, select,"
            + " number",
        "POST|/admin/apps|{'name':'a','mode':'chat','conversation_variables':"
            + "[{'name':'a','value_type':'string'},{'name':'b','value_type':'text'}]}"
            + "|conversation_variables[1].value_type must be one of string,",
        "POST|/admin/apps|{'name':'a','mode':'chat','conversation_variables':[{'name':1}]}"
            + "|conversation_variables[0].name must be a string",
      })
  @DisplayName("an admin body's nested field is refused by its full path")
  void adminPaths(String method, String path, String body, String message) throws Exception {
    JsonNode error = send(method, path, null, body);

    assertThat(error.get("code").asText()).isEqualTo("invalid_param");
    assertThat(error.get("status").asInt()).isEqualTo(400);
    assertThat(error.get("message").asText()).startsWith(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{'type':'pdf','transfer_method':'remote_url','url':'http://x/a'}"
            + "|files[1].type must be one of image, document, audio, video, custom",
        "{'type':'image','transfer_method':'ftp'}"
            + "|files[1].transfer_method must be one of local_file, remote_url",
        "{'type':'image','transfer_method':'local_file','upload_file_id':'nope'}"
            + "|files[1].upload_file_id",
        "{'type':'image','transfer_method':5}|files[1].transfer_method must be a string",
      })
  @DisplayName("a chat request's bad file is refused by its place in files")
  void chatFilePaths(String secondFile, String message) throws Exception {
    String body =
        "{'inputs':{},'query':'hi','user':'u','response_mode':'blocking','files':["
            + "{'type':'image','transfer_method':'remote_url','url':'http://x/a.png'},"
            + secondFile
            + "]}";

    JsonNode error = send("POST", "/v1/chat-messages", StubUseCases.CHAT_KEY, body);

    assertThat(error.get("code").asText()).isEqualTo("invalid_param");
    assertThat(error.get("message").asText()).startsWith(message);
  }

  private JsonNode send(String method, String path, String key, String body) throws Exception {
    String target = "http://127.0.0.1:" + api.port() + (path.equals("APP") ? APP : path);
    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(URI.create(target))
                .header("Authorization", "Bearer " + (key == null ? StubUseCases.ADMIN_TOKEN : key))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.replace('\'', '"')))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    return Json.MAPPER.readTree(answer.body());
  }
}
