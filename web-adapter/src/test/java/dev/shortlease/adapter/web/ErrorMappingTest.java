package dev.shortlease.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.application.port.in.ChatEvent;
import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.application.port.out.ModelException;
import dev.shortlease.domain.StorageUnavailableException;
import java.sql.SQLException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorMappingTest {

  @ParameterizedTest
  @CsvSource({
    "NOT_CONFIGURED, provider_not_initialize",
    "QUOTA_EXCEEDED, provider_quota_exceeded",
    "RATE_LIMITED, completion_request_error",
    "REQUEST_FAILED, completion_request_error"
  })
  @DisplayName(
      "each model error kind is Dify's 400 with its code and fixed message, thrown or as an event,"
          + " never the provider's words")
  void modelErrors(ModelErrorKind kind, String code) {
    ApiError thrown =
        ErrorMapping.of(new ModelException(kind, "said llm.internal: IOException"), "r1");
    ApiError blocking =
        ErrorMapping.runFailure(ChatEvent.Failed.model(kind, "said llm.internal"), false);
    ApiError streamed =
        ErrorMapping.runFailure(ChatEvent.Failed.model(kind, "said llm.internal"), true);

    assertThat(thrown).isEqualTo(blocking);
    assertThat(thrown.status()).isEqualTo(400);
    assertThat(thrown.code()).isEqualTo(code);
    assertThat(streamed.code()).isEqualTo(code);
    assertThat(thrown.message() + streamed.message()).doesNotContain("llm.internal");
  }

  @Test
  @DisplayName(
      "storage unavailable is 503 with a message true of a busy and an unreachable database alike")
  void storageUnavailable() {
    ApiError answer =
        ErrorMapping.of(
            new StorageUnavailableException("Connection refused", new SQLException("refused")),
            "r1");

    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.code()).isEqualTo("service_unavailable");
    assertThat(answer.message())
        .isEqualTo("The database is busy or unreachable; retry in a moment.");
  }

  @Test
  @DisplayName("quota texts differ between Dify's controller and its stream converter, as in Dify")
  void quotaTexts() {
    assertThat(ErrorMapping.modelError(ModelErrorKind.QUOTA_EXCEEDED, false).message())
        .startsWith("Your quota for Dify Hosted OpenAI has been exhausted.");
    assertThat(ErrorMapping.modelError(ModelErrorKind.QUOTA_EXCEEDED, true).message())
        .startsWith("Your quota for Dify Hosted Model Provider has been exhausted.");
  }

  @Test
  @DisplayName(
      "an internal run failure keeps the service's own message; an unexpected one is fixed")
  void internalFailure() {
    assertThat(
            ErrorMapping.runFailure(
                ChatEvent.Failed.internal("The answer could not be saved."), true))
        .isEqualTo(new ApiError(500, "internal_server_error", "The answer could not be saved."));
    assertThat(
            ErrorMapping.runFailure(
                ChatEvent.Failed.unexpected("java.lang.IllegalStateException: SELECT x"), true))
        .isEqualTo(
            new ApiError(
                500, "internal_server_error", "Internal Server Error, please contact support."));
    assertThat(
            ErrorMapping.runFailure(
                ChatEvent.Failed.unexpected("java.lang.IllegalStateException: SELECT x"), false))
        .isEqualTo(ApiError.internal());
  }
}
