package dev.shortlease.adapter.web;

import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Web adapter: the errors Jetty answers itself, before any handler runs (a malformed request line,
 * header or URI), in Dify's JSON shape instead of Jetty's HTML page, with werkzeug's code names.
 * What Jetty found wrong is not echoed: it may quote the request.
 */
final class JsonErrorHandler extends ErrorHandler {

  /** Jetty writes a body for GET, POST and HEAD only; a DELETE or PUT client needs it as much. */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int status,
      String message,
      Throwable cause,
      Callback done) {
    ApiError error = of(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    // Jetty closes after a request it could not parse; without the header a keep-alive client
    // sends its next request on the dead connection and fails it.
    response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    response.write(true, ByteBuffer.wrap(Json.write(error)), done);
  }

  static ApiError of(int status) {
    return switch (status) {
      case 400 ->
          new ApiError(
              400,
              "bad_request",
              "The browser (or proxy) sent a request that this server could not understand.");
      case 413 -> ErrorMapping.tooLarge();
      case 500 -> ApiError.internal();
      default -> {
        String reason = HttpStatus.getMessage(status);
        yield new ApiError(status, reason.toLowerCase(Locale.ROOT).replace(' ', '_'), reason + ".");
      }
    };
  }
}
