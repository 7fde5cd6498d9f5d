package dev.shortlease.adapter.web;

import dev.shortlease.domain.Page;
import io.javalin.http.Context;

/** Web adapter: query-string parameters shared by the list endpoints. */
final class QueryParams {
  /** Dify's end user when a request omits the optional {@code user}. */
  static final String DEFAULT_USER = "DEFAULT-USER";

  private QueryParams() {}

  /** {@code limit}: default 20, an integer within 1..100. */
  static int limit(Context ctx) {
    String raw = ctx.queryParam("limit");
    if (raw == null || raw.isBlank()) {
      return 20;
    }
    try {
      return Page.requireLimit(Integer.parseInt(raw.strip()));
    } catch (NumberFormatException e) {
      throw new ApiException(ApiError.invalidParam("limit must be an integer between 1 and 100"));
    }
  }

  /** {@code page} of a numbered list: default 1, an integer within 1..1,000,000. */
  static int page(Context ctx) {
    String raw = ctx.queryParam("page");
    if (raw == null || raw.isBlank()) {
      return 1;
    }
    try {
      return Page.requirePageNumber(Integer.parseInt(raw.strip()));
    } catch (NumberFormatException e) {
      throw new ApiException(
          ApiError.invalidParam("page must be an integer between 1 and 1000000"));
    }
  }

  /** The {@code user} query parameter where Dify makes it optional. */
  static String optionalUser(Context ctx) {
    String user = ctx.queryParam("user");
    return user == null || user.isBlank() ? DEFAULT_USER : user;
  }

  /** Blank means absent, as Dify treats an empty cursor. */
  static String optional(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value == null || value.isBlank() ? null : value;
  }
}
