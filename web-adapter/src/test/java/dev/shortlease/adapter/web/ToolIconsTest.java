package dev.shortlease.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ToolIconsTest {

  @Test
  @DisplayName("known tools get their own icon, in the order named; unknown ones the wrench")
  void iconsByName() {
    Map<String, Map<String, String>> icons =
        ToolIcons.of(List.of("current_time", "conversation_stats", "plain"));

    assertThat(icons).containsOnlyKeys("current_time", "conversation_stats", "plain");
    assertThat(icons.keySet()).containsExactly("current_time", "conversation_stats", "plain");
    assertThat(icons.get("current_time"))
        .containsEntry("background", "#E0F2FE")
        .containsEntry("content", "\uD83D\uDD52");
    assertThat(icons.get("conversation_stats")).isNotEqualTo(icons.get("current_time"));
    assertThat(icons.get("plain")).isEqualTo(ToolIcons.WRENCH);
    assertThat(ToolIcons.WRENCH.get("content")).isEqualTo("\uD83D\uDD27");
  }

  @Test
  @DisplayName("an app that calls no tools has no icons")
  void noTools() {
    assertThat(ToolIcons.of(List.of())).isEmpty();
  }
}
