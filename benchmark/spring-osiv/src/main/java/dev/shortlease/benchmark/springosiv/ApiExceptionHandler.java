package dev.shortlease.benchmark.springosiv;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors in Dify's shape ({@code {"status", "code", "message"}}). */
@RestControllerAdvice
public class ApiExceptionHandler {

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Map<String, Object>> refused(ApiException e) {
    return body(e.getStatus(), e.getCode(), e.getMessage());
  }

  /** No connection within HikariCP's connection timeout: the pool is exhausted. */
  @ExceptionHandler(CannotCreateTransactionException.class)
  ResponseEntity<Map<String, Object>> noConnection(CannotCreateTransactionException e) {
    return body(503, "service_unavailable", "The database is busy, try again later.");
  }

  /**
   * JSON whatever the request accepts: a chat request says {@code Accept: text/event-stream}, and
   * an error before the stream starts is still Dify's JSON error.
   */
  private static ResponseEntity<Map<String, Object>> body(int status, String code, String message) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("status", status, "code", code, "message", message));
  }
}
