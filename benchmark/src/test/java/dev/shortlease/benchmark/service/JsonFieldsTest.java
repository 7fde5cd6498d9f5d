package dev.shortlease.benchmark.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @DisplayName("a field is found under its camelCase or its snake_case name, else missing")
  void camelOrSnake() throws Exception {
    JsonNode snake = JSON.readTree("{\"threads_waiting\": 3}");
    JsonNode camel = JSON.readTree("{\"threadsWaiting\": 4}");

    assertThat(JsonFields.field(snake, "threadsWaiting").asInt()).isEqualTo(3);
    assertThat(JsonFields.field(camel, "threadsWaiting").asInt()).isEqualTo(4);
    assertThat(JsonFields.field(snake, "active").isMissingNode()).isTrue();
    assertThat(JsonFields.missing().isMissingNode()).isTrue();
  }
}
