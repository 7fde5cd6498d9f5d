package dev.shortlease.adapter.web;

import dev.shortlease.application.port.in.ResponseMode;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.InvalidInputException;
import dev.shortlease.domain.MessageStatus;
import dev.shortlease.domain.Rating;
import dev.shortlease.domain.port.ConversationSort;
import java.util.Locale;

/**
 * Web adapter: Dify's wire strings for the hexagon's enums, both ways. The domain and application
 * name their values in their own words; only this class knows that an agent app is {@code
 * agent-chat} and newest-first is {@code -updated_at}. A value the wire does not know is a 400
 * naming the field.
 */
final class WireEnums {
  private WireEnums() {}

  static String mode(AppMode mode) {
    return switch (mode) {
      case CHAT -> "chat";
      case AGENT_CHAT -> "agent-chat";
      case COMPLETION -> "completion";
    };
  }

  static AppMode mode(String value) {
    for (AppMode mode : AppMode.values()) {
      if (mode(mode).equals(value)) {
        return mode;
      }
    }
    throw new InvalidInputException("mode", "must be one of chat, agent-chat, completion");
  }

  static String sort(ConversationSort sort) {
    return switch (sort) {
      case CREATED_ASC -> "created_at";
      case CREATED_DESC -> "-created_at";
      case UPDATED_ASC -> "updated_at";
      case UPDATED_DESC -> "-updated_at";
    };
  }

  /** Parses {@code sort_by}; absent means Dify's default, newest activity first. */
  static ConversationSort sort(String value) {
    if (value == null || value.isBlank()) {
      return ConversationSort.UPDATED_DESC;
    }
    for (ConversationSort sort : ConversationSort.values()) {
      if (sort(sort).equals(value)) {
        return sort;
      }
    }
    throw new InvalidInputException(
        "sort_by", "must be one of created_at, -created_at, updated_at, -updated_at");
  }

  /**
   * A message's {@code status} as Dify has it: {@code normal} or {@code error}. Dify saves a
   * stopped answer as normal and shows a message being generated as normal too.
   */
  static String status(MessageStatus status) {
    return status == MessageStatus.ERROR ? "error" : "normal";
  }

  /**
   * This service's finer status ({@code running}, {@code normal}, {@code stopped}, {@code error}).
   */
  static String generationStatus(MessageStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  static String rating(Rating rating) {
    return switch (rating) {
      case LIKE -> "like";
      case DISLIKE -> "dislike";
    };
  }

  /** Parses Dify's {@code rating}; {@code null} means "withdraw my rating". */
  static Rating ratingOrNull(String value) {
    if (value == null) {
      return null;
    }
    return switch (value) {
      case "like" -> Rating.LIKE;
      case "dislike" -> Rating.DISLIKE;
      default -> throw new InvalidInputException("rating", "must be like, dislike or null");
    };
  }

  /**
   * Parses {@code response_mode}; Dify defaults to blocking when the field is absent, and its enum
   * has no empty value.
   */
  static ResponseMode responseMode(String value) {
    if (value == null || value.equals("blocking")) {
      return ResponseMode.BLOCKING;
    }
    if (value.equals("streaming")) {
      return ResponseMode.STREAMING;
    }
    throw new InvalidInputException("response_mode", "must be blocking or streaming");
  }
}
