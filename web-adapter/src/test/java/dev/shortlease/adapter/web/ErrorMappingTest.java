package dev.shortlease.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.application.port.in.ChatEvent;
import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.application.port.out.ModelException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorMappingTest {

  @ParameterizedTest
  @CsvSource({
    "NOT_CONFIGURED, 400, provider_not_initialize",
    "QUOTA_EXCEEDED, 400, provider_quota_exceeded",
    "RATE_LIMITED, 429, rate_limit_error",
    "REQUEST_FAILED, 400, completion_request_error"
  })
  @DisplayName("each model error kind gets Dify's code and HTTP status, thrown or as an event")
  void modelErrors(ModelErrorKind kind, int status, String code) {
    ApiError thrown = ErrorMapping.of(new ModelException(kind, "said the provider"));
    ApiError event = ErrorMapping.runFailure(new ChatEvent.Failed(kind, "said the provider"));

    assertThat(thrown).isEqualTo(new ApiError(status, code, "said the provider"));
    assertThat(event).isEqualTo(thrown);
  }

  @Test
  @DisplayName("an internal run failure is a 500 internal_server_error with the run's message")
  void internalFailure() {
    assertThat(ErrorMapping.runFailure(ChatEvent.Failed.internal("The answer could not be saved.")))
        .isEqualTo(new ApiError(500, "internal_server_error", "The answer could not be saved."));
  }
}
