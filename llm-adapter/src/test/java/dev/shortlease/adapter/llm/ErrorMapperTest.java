package dev.shortlease.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.application.port.out.ModelException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {

  static ModelErrorKind kindOf(Throwable error) {
    return ErrorMapper.toModelException(error, "openai").kind();
  }

  @Test
  @DisplayName("LangChain4j's typed exceptions map even without an HTTP status behind them")
  void typedExceptions() {
    assertThat(kindOf(new AuthenticationException("bad key")))
        .isEqualTo(ModelErrorKind.NOT_CONFIGURED);
    assertThat(kindOf(new ModelNotFoundException("no such model")))
        .isEqualTo(ModelErrorKind.NOT_CONFIGURED);
    assertThat(kindOf(new RateLimitException("slow down"))).isEqualTo(ModelErrorKind.RATE_LIMITED);
    assertThat(kindOf(new RateLimitException("insufficient_quota")))
        .isEqualTo(ModelErrorKind.QUOTA_EXCEEDED);
  }

  @Test
  @DisplayName("the HTTP status wins when LangChain4j wrapped it, and the body is quoted short")
  void wrappedHttpStatus() {
    ModelException mapped =
        ErrorMapper.toModelException(
            new RateLimitException(
                new HttpException(429, "{\"error\":{\"code\":\"insufficient_quota\"}}")),
            "openai");

    assertThat(mapped.kind()).isEqualTo(ModelErrorKind.QUOTA_EXCEEDED);
    assertThat(mapped.getMessage())
        .startsWith("openai answered HTTP 429: ")
        .contains("insufficient_quota");
    assertThat(
            ErrorMapper.toModelException(new HttpException(500, "x".repeat(5000)), "openai")
                .getMessage())
        .hasSizeLessThan(400);
  }

  @Test
  @DisplayName("timeouts and connection failures fail as REQUEST_FAILED with a plain reason")
  void ioFailures() {
    assertThat(ErrorMapper.toModelException(new TimeoutException("t"), "ollama").getMessage())
        .isEqualTo("ollama request failed: timed out waiting for the response");
    assertThat(
            ErrorMapper.toModelException(
                    new RuntimeException(new HttpConnectTimeoutException("HTTP connect timed out")),
                    "ollama")
                .getMessage())
        .isEqualTo("ollama request failed: connect timed out");
    assertThat(kindOf(new RuntimeException(new ConnectException("refused"))))
        .isEqualTo(ModelErrorKind.REQUEST_FAILED);
  }

  @Test
  @DisplayName("a ModelException passes through unchanged")
  void modelExceptionPassesThrough() {
    ModelException original = new ModelException(ModelErrorKind.RATE_LIMITED, "x");

    assertThat(ErrorMapper.toModelException(original, "openai")).isSameAs(original);
  }
}
