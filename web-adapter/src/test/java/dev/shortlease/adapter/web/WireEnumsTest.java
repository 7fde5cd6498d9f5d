package dev.shortlease.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.application.port.in.ResponseMode;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.InvalidInputException;
import dev.shortlease.domain.MessageStatus;
import dev.shortlease.domain.Rating;
import dev.shortlease.domain.port.ConversationSort;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WireEnumsTest {

  @Test
  @DisplayName("app modes use Dify's wire names")
  void modeNames() {
    assertThat(WireEnums.mode(AppMode.CHAT)).isEqualTo("chat");
    assertThat(WireEnums.mode(AppMode.AGENT_CHAT)).isEqualTo("agent-chat");
    assertThat(WireEnums.mode(AppMode.COMPLETION)).isEqualTo("completion");
  }

  @ParameterizedTest
  @EnumSource(AppMode.class)
  @DisplayName("every app mode survives a round trip through its wire name")
  void modeRoundTrip(AppMode mode) {
    assertThat(WireEnums.mode(WireEnums.mode(mode))).isEqualTo(mode);
  }

  @Test
  @DisplayName("an unknown mode is an invalid_param naming the field")
  void unknownMode() {
    assertThatThrownBy(() -> WireEnums.mode("workflow"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("mode");
    assertThatThrownBy(() -> WireEnums.mode((String) null))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  @DisplayName("sort_by uses Dify's names and defaults to newest activity first")
  void sortNames() {
    assertThat(WireEnums.sort(ConversationSort.CREATED_ASC)).isEqualTo("created_at");
    assertThat(WireEnums.sort(ConversationSort.CREATED_DESC)).isEqualTo("-created_at");
    assertThat(WireEnums.sort(ConversationSort.UPDATED_ASC)).isEqualTo("updated_at");
    assertThat(WireEnums.sort(ConversationSort.UPDATED_DESC)).isEqualTo("-updated_at");
    assertThat(WireEnums.sort((String) null)).isEqualTo(ConversationSort.UPDATED_DESC);
    assertThat(WireEnums.sort(" ")).isEqualTo(ConversationSort.UPDATED_DESC);
    assertThatThrownBy(() -> WireEnums.sort("name"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("sort_by");
  }

  @ParameterizedTest
  @EnumSource(ConversationSort.class)
  @DisplayName("every sort survives a round trip through its wire name")
  void sortRoundTrip(ConversationSort sort) {
    assertThat(WireEnums.sort(WireEnums.sort(sort))).isEqualTo(sort);
  }

  @ParameterizedTest
  @EnumSource(Rating.class)
  @DisplayName("every rating survives a round trip through its wire name")
  void ratingRoundTrip(Rating rating) {
    assertThat(WireEnums.ratingOrNull(WireEnums.rating(rating))).isEqualTo(rating);
  }

  @Test
  @DisplayName("ratings are like/dislike, null withdraws, anything else names the field")
  void ratingNames() {
    assertThat(WireEnums.rating(Rating.DISLIKE)).isEqualTo("dislike");
    assertThat(WireEnums.ratingOrNull(null)).isNull();
    assertThatThrownBy(() -> WireEnums.ratingOrNull("meh")).hasMessageContaining("rating");
  }

  @Test
  @DisplayName("message statuses are Dify's two; the finer one keeps running and stopped")
  void statusNames() {
    assertThat(WireEnums.status(MessageStatus.NORMAL)).isEqualTo("normal");
    assertThat(WireEnums.status(MessageStatus.STOPPED)).isEqualTo("normal");
    assertThat(WireEnums.status(MessageStatus.RUNNING)).isEqualTo("normal");
    assertThat(WireEnums.status(MessageStatus.ERROR)).isEqualTo("error");
    assertThat(WireEnums.generationStatus(MessageStatus.STOPPED)).isEqualTo("stopped");
    assertThat(WireEnums.generationStatus(MessageStatus.RUNNING)).isEqualTo("running");
  }

  @Test
  @DisplayName("response_mode defaults to blocking and rejects unknown values")
  void responseModes() {
    assertThat(WireEnums.responseMode(null)).isEqualTo(ResponseMode.BLOCKING);
    assertThat(WireEnums.responseMode("blocking")).isEqualTo(ResponseMode.BLOCKING);
    assertThat(WireEnums.responseMode("streaming")).isEqualTo(ResponseMode.STREAMING);
    assertThatThrownBy(() -> WireEnums.responseMode("sse")).hasMessageContaining("response_mode");
    // Dify's enum has no empty value: only an absent (or null) mode means blocking
    assertThatThrownBy(() -> WireEnums.responseMode("")).hasMessageContaining("response_mode");
    assertThatThrownBy(() -> WireEnums.responseMode(" ")).hasMessageContaining("response_mode");
  }
}
