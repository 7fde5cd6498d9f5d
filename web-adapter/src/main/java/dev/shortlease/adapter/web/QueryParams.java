package dev.shortlease.adapter.web;

import dev.shortlease.domain.Page;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;

/**
 * Web adapter: query-string parameters shared by the list endpoints. {@code page} and {@code limit}
 * are read by one parser; where the lists answer differently (a refusal's words, a {@code limit}
 * above 100 capped or not) that is a parameter of the call, not another parser.
 */
final class QueryParams {
  /** Dify's end user when a request omits the optional {@code user}. */
  static final String DEFAULT_USER = "DEFAULT-USER";

  /** The page size a list serves when {@code limit} is absent. */
  static final int DEFAULT_LIMIT = 20;

  /** The largest page size of the lists ({@link Page#requireLimit}). */
  static final int MAX_LIMIT = 100;

  /** The largest page number of the numbered lists ({@link Page#requirePageNumber}). */
  static final int MAX_PAGE = 1_000_000;

  /**
   * What the parser itself refuses of a {@code page} or {@code limit}, and in which words; a value
   * it lets through, the list's use case checks against its own range.
   */
  enum Check {
    /**
     * 1..max ({@code Page}'s rules): "must be between 1 and N", or "must be an integer between 1
     * and N" when it is not one. Ours and the admin list's.
     */
    RANGE,
    /** Below 1 or not an integer: "must be a positive integer". The annotations list's. */
    POSITIVE,
    /** Only what is not an integer: "must be an integer". The app feedbacks list's. */
    INTEGER
  }

  /** What a list does with a {@code limit} above {@link #MAX_LIMIT}. */
  enum AboveMax {
    /**
     * Keeps it as given: {@link Check#RANGE} refuses it, else the list's use case checks it against
     * its own top (app feedbacks serve 101).
     */
    KEEP,
    /** Serves {@link #MAX_LIMIT} instead, as Dify's annotations list does. */
    CLAMP
  }

  /**
   * The words pydantic reads as a boolean (its {@code bool_parsing}), Dify's query models' type.
   */
  private static final Set<String> TRUE = Set.of("1", "on", "t", "true", "y", "yes");

  private static final Set<String> FALSE = Set.of("0", "f", "false", "n", "no", "off");

  private QueryParams() {}

  /**
   * A boolean parameter as Dify's pydantic query models read it ({@code as_attachment}): {@code
   * fallback} when absent; any other value pydantic would not read, the empty one included, is
   * refused naming the parameter (Dify answers its ValueError with 400 {@code invalid_param}).
   */
  static boolean bool(Context ctx, String name, boolean fallback) {
    String raw = ctx.queryParam(name);
    if (raw == null) {
      return fallback;
    }
    String word = raw.toLowerCase(Locale.ROOT);
    if (TRUE.contains(word)) {
      return true;
    }
    if (FALSE.contains(word)) {
      return false;
    }
    throw new ApiException(
        ApiError.invalidParam(name + " must be a boolean: true or false (or 1/0, yes/no, on/off)"));
  }

  /** {@code limit}: default 20, an integer within 1..100, refused outside. */
  static int limit(Context ctx) {
    return limit(ctx, Check.RANGE, AboveMax.KEEP);
  }

  /** {@code limit}: default 20; checked as {@code check} says, above 100 as {@code aboveMax}. */
  static int limit(Context ctx, Check check, AboveMax aboveMax) {
    return limit(ctx.queryParam("limit"), check, aboveMax);
  }

  /** {@code page} of a numbered list: default 1, an integer within 1..1,000,000. */
  static int page(Context ctx) {
    return page(ctx, Check.RANGE);
  }

  /** {@code page} of a numbered list: default 1, checked as {@code check} says. */
  static int page(Context ctx, Check check) {
    return page(ctx.queryParam("page"), check);
  }

  /** {@link #limit(Context, Check, AboveMax)} of the raw value ({@code null} when absent). */
  private static int limit(String raw, Check check, AboveMax aboveMax) {
    Integer value = integer(raw, "limit", check, MAX_LIMIT);
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    if (aboveMax == AboveMax.CLAMP && value > MAX_LIMIT) {
      return MAX_LIMIT;
    }
    return check == Check.RANGE ? Page.requireLimit(value) : value;
  }

  /** {@link #page(Context, Check)} of the raw value ({@code null} when absent). */
  private static int page(String raw, Check check) {
    Integer value = integer(raw, "page", check, MAX_PAGE);
    if (value == null) {
      return 1;
    }
    return check == Check.RANGE ? Page.requirePageNumber(value) : value;
  }

  /** The integer {@code raw} holds, {@code null} when blank; refused in {@code check}'s words. */
  private static Integer integer(String raw, String name, Check check, int max) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      int value = Integer.parseInt(raw.strip());
      if (check != Check.POSITIVE || value >= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    String expected =
        switch (check) {
          case RANGE -> "an integer between 1 and " + max;
          case POSITIVE -> "a positive integer";
          case INTEGER -> "an integer";
        };
    throw new ApiException(ApiError.invalidParam(name + " must be " + expected));
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
