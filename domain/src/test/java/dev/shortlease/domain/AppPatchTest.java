package dev.shortlease.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AppPatchTest {
  private static final App CURRENT =
      new App(
          AppId.random(),
          "Helper",
          "answers questions",
          AppMode.CHAT,
          new ModelSettings("gpt-a", 0.5, 256),
          "be brief",
          "hello",
          List.of("what?"),
          AppStatus.NORMAL,
          true,
          Instant.parse("2026-01-02T03:04:05Z"),
          null,
          List.of(new VariableDeclaration("topic", VariableType.STRING, "x", "")),
          7);

  @Test
  @DisplayName("a patch of fields and of one model setting: both land, every other value stays")
  void fieldsAndModelSettingsTogether() {
    AppPatch patch =
        new AppPatch(
            new AppUpdate("Renamed", null, null, null, null, null, AppStatus.DISABLED, null),
            new ModelSettingsPatch(null, 1.5, null),
            null);

    App patched = patch.applyTo(CURRENT);

    assertThat(patched)
        .isEqualTo(
            new App(
                CURRENT.id(),
                "Renamed",
                "answers questions",
                AppMode.CHAT,
                new ModelSettings("gpt-a", 1.5, 256),
                "be brief",
                "hello",
                List.of("what?"),
                AppStatus.DISABLED,
                true,
                CURRENT.createdAt(),
                CURRENT.userInputForm(),
                CURRENT.conversationVariables(),
                7));
  }

  @Test
  @DisplayName("without a model-settings patch the settings stay; an empty patch changes nothing")
  void nullKeeps() {
    assertThat(AppPatch.of(AppUpdate.NONE).applyTo(CURRENT)).isEqualTo(CURRENT);
    assertThat(
            AppPatch.of(new AppUpdate(null, "new", null, null, null, null, null, null))
                .applyTo(CURRENT)
                .modelSettings())
        .isEqualTo(CURRENT.modelSettings());
  }

  @Test
  @DisplayName("model settings given whole and as a patch at once are refused")
  void wholeAndPatchRefused() {
    assertThatThrownBy(
            () ->
                new AppPatch(
                    new AppUpdate(null, null, ModelSettings.DEFAULT, null, null, null, null, null),
                    new ModelSettingsPatch("gpt-b", null, null),
                    null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("withModelSettings replaces the settings only")
  void withModelSettings() {
    ModelSettings other = new ModelSettings("gpt-b", null, null);
    App copy = CURRENT.withModelSettings(other);
    assertThat(copy.modelSettings()).isEqualTo(other);
    assertThat(copy.withModelSettings(CURRENT.modelSettings())).isEqualTo(CURRENT);
  }
}
