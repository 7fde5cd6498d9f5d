package dev.shortlease.adapter.web;

/**
 * An error as Dify's API writes it: {@code {"status", "code", "message"}}. The fixed messages are
 * Dify's own (api/controllers/service_api/app/error.py, api/libs/external_api.py, werkzeug's
 * descriptions for the plain HTTP errors).
 */
public record ApiError(int status, String code, String message) {

  public static ApiError invalidParam(String message) {
    return new ApiError(400, "invalid_param", message);
  }

  /** Dify's answer to a body that is not JSON (api/libs/external_api.py). */
  public static ApiError badJson() {
    return new ApiError(
        400, "bad_request", "Invalid JSON payload received or JSON payload is empty.");
  }

  /**
   * werkzeug's UnsupportedMediaType, as Flask's {@code get_json} raises it for a body not declared
   * JSON and Dify's error handler names it (api/libs/external_api.py).
   */
  public static ApiError unsupportedMediaType() {
    return new ApiError(
        415,
        "unsupported_media_type",
        "Did not attempt to load JSON data because the request Content-Type was not"
            + " 'application/json'.");
  }

  public static ApiError notFound(String message) {
    return new ApiError(404, "not_found", message);
  }

  /** werkzeug's NotFound, which Dify answers for a path it does not serve. */
  public static ApiError unknownRoute() {
    return notFound(
        "The requested URL was not found on the server. If you entered the URL manually please"
            + " check your spelling and try again.");
  }

  /** werkzeug's MethodNotAllowed. */
  public static ApiError methodNotAllowed() {
    return new ApiError(
        405, "method_not_allowed", "The method is not allowed for the requested URL.");
  }

  public static ApiError unauthorized(String message) {
    return new ApiError(401, "unauthorized", message);
  }

  public static ApiError forbidden(String message) {
    return new ApiError(403, "forbidden", message);
  }

  public static ApiError notChatApp() {
    return new ApiError(
        400, "not_chat_app", "Please check if your app mode matches the right API route.");
  }

  public static ApiError appUnavailable() {
    return new ApiError(
        400, "app_unavailable", "App unavailable, please check your app configurations.");
  }

  /** werkzeug's InternalServerError, as Dify answers an unexpected failure outside a stream. */
  public static ApiError internal() {
    return new ApiError(
        500,
        "internal_server_error",
        "The server encountered an internal error and was unable to complete your request. Either"
            + " the server is overloaded or there is an error in the application.");
  }
}
