package dev.shortlease.adapter.web;

/** An error as Dify's API writes it: {@code {"status", "code", "message"}}. */
public record ApiError(int status, String code, String message) {

  public static ApiError invalidParam(String message) {
    return new ApiError(400, "invalid_param", message);
  }

  public static ApiError notFound(String message) {
    return new ApiError(404, "not_found", message);
  }

  public static ApiError unauthorized(String message) {
    return new ApiError(401, "unauthorized", message);
  }

  public static ApiError notChatApp() {
    return new ApiError(
        400, "not_chat_app", "Please check if your app mode matches the right API route.");
  }

  public static ApiError appUnavailable() {
    return new ApiError(
        400, "app_unavailable", "App unavailable, please check your app configurations.");
  }

  public static ApiError internal() {
    return new ApiError(
        500,
        "internal_server_error",
        "The server encountered an internal error and was unable to complete your request.");
  }
}
