package dev.shortlease.adapter.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * LLM adapter internals: LangChain4j's HTTP client contract on the JDK client, reading each stream
 * on its own virtual thread. LangChain4j 1.18's JDK client parses streams inside a stage that runs
 * on the common fork-join pool, which caps how many streams progress at once; this one does not.
 */
final class VirtualThreadHttpClient implements HttpClient {
  private final java.net.http.HttpClient http;
  private final Duration readTimeout;

  private VirtualThreadHttpClient(Duration connectTimeout, Duration readTimeout) {
    this.http = java.net.http.HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    this.readTimeout = readTimeout;
  }

  static Builder builder() {
    return new Builder();
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    try {
      // Bytes, not text: a speech model answers with audio.
      HttpResponse<byte[]> response = http.send(toJdkRequest(request), BodyHandlers.ofByteArray());
      if (!isSuccessful(response.statusCode())) {
        throw new HttpException(
            response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
      }
      return SuccessfulHttpResponse.builder()
          .statusCode(response.statusCode())
          .headers(response.headers().map())
          .body(response.body())
          .build();
    } catch (HttpTimeoutException e) {
      throw new TimeoutException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling the model", e);
    }
  }

  @Override
  public void execute(
      HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    java.net.http.HttpRequest jdkRequest = toJdkRequest(request);
    Thread.ofVirtual().name("llm-http-stream").start(() -> stream(jdkRequest, parser, listener));
  }

  private void stream(
      java.net.http.HttpRequest request,
      ServerSentEventParser parser,
      ServerSentEventListener listener) {
    try {
      HttpResponse<InputStream> response = http.send(request, BodyHandlers.ofInputStream());
      if (!isSuccessful(response.statusCode())) {
        String body;
        try (InputStream in = response.body()) {
          body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        quietly(() -> listener.onError(new HttpException(response.statusCode(), body)));
        return;
      }
      quietly(
          () ->
              listener.onOpen(
                  SuccessfulHttpResponse.builder()
                      .statusCode(response.statusCode())
                      .headers(response.headers().map())
                      .build()));
      try (InputStream in = response.body()) {
        parser.parse(in, listener);
      }
      quietly(listener::onClose);
    } catch (HttpTimeoutException e) {
      quietly(() -> listener.onError(new TimeoutException(e)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      quietly(() -> listener.onError(e));
    } catch (IOException | RuntimeException e) {
      quietly(() -> listener.onError(e));
    }
  }

  private java.net.http.HttpRequest toJdkRequest(HttpRequest request) {
    java.net.http.HttpRequest.Builder builder =
        java.net.http.HttpRequest.newBuilder().uri(URI.create(request.url())).timeout(readTimeout);
    boolean multipart = MultipartBody.isMultipart(request);
    request
        .headers()
        .forEach(
            (name, values) -> {
              if (values != null && !(multipart && name.equalsIgnoreCase("Content-Type"))) {
                values.forEach(value -> builder.header(name, value));
              }
            });
    if (multipart) {
      String boundary =
          MultipartBody.announcedBoundary(request).orElseGet(MultipartBody::ownBoundary);
      builder.header("Content-Type", MultipartBody.contentType(boundary));
      builder.method(
          request.method().name(),
          java.net.http.HttpRequest.BodyPublishers.ofByteArray(
              MultipartBody.encode(request, boundary)));
      return builder.build();
    }
    builder.method(
        request.method().name(),
        request.body() == null
            ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
    return builder.build();
  }

  private static boolean isSuccessful(int status) {
    return status >= 200 && status < 300;
  }

  /** A listener's own failure must not turn into a second, different error report. */
  private static void quietly(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException ignored) {
      // the listener owns its failures
    }
  }

  /** Builder in LangChain4j's shape, so provider models can set their timeouts. */
  static final class Builder implements HttpClientBuilder {
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);

    @Override
    public Duration connectTimeout() {
      return connectTimeout;
    }

    @Override
    public Builder connectTimeout(Duration timeout) {
      if (timeout != null) {
        this.connectTimeout = timeout;
      }
      return this;
    }

    @Override
    public Duration readTimeout() {
      return readTimeout;
    }

    @Override
    public Builder readTimeout(Duration timeout) {
      if (timeout != null) {
        this.readTimeout = timeout;
      }
      return this;
    }

    @Override
    public HttpClient build() {
      return new VirtualThreadHttpClient(connectTimeout, readTimeout);
    }
  }
}
