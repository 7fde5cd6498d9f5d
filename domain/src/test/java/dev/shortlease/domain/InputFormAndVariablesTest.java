package dev.shortlease.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InputFormAndVariablesTest {

  @Test
  @DisplayName("a form field refuses what its kind cannot have")
  void fieldRules() {
    assertThatThrownBy(() -> new InputField(InputType.NUMBER, "n", "N", false, null, 5, null))
        .hasMessageContaining("max_length of n");
    assertThatThrownBy(
            () -> new InputField(InputType.TEXT_INPUT, "t", "T", false, null, null, List.of("a")))
        .hasMessage("options are for select fields only: t");
    assertThatThrownBy(
            () -> new InputField(InputType.SELECT, "s", "S", false, null, null, List.of("a", "a")))
        .hasMessage("options of s must be unique");
    assertThatThrownBy(() -> new InputField(InputType.PARAGRAPH, "p", "P", false, 1, null, null))
        .hasMessage("default of p does not fit its type");
    assertThat(new InputField(InputType.SELECT, "s", "S", true, "", null, List.of("a")).options())
        .containsExactly("a");
  }

  @Test
  @DisplayName("the default form follows the mode; apps get it when none is given")
  void defaults() {
    assertThat(InputForm.defaultFor(AppMode.COMPLETION)).isEqualTo(InputForm.COMPLETION_DEFAULT);
    assertThat(InputForm.defaultFor(AppMode.CHAT)).isEqualTo(InputForm.EMPTY);
    assertThat(new NewApp("a", null, AppMode.COMPLETION, null, null, null, null).userInputForm())
        .isEqualTo(InputForm.COMPLETION_DEFAULT);
  }

  @Test
  @DisplayName("variable types accept their values only, arrays element by element")
  void variableTypes() {
    assertThat(VariableType.NUMBER.accepts(3)).isTrue();
    assertThat(VariableType.NUMBER.accepts("3")).isFalse();
    assertThat(VariableType.NUMBER.accepts(true)).isFalse();
    assertThat(VariableType.OBJECT.accepts(Map.of())).isTrue();
    assertThat(VariableType.ARRAY_STRING.accepts(List.of("a", "b"))).isTrue();
    assertThat(VariableType.ARRAY_STRING.accepts(List.of("a", 1))).isFalse();
    assertThat(VariableType.ARRAY_OBJECT.accepts(List.of())).isTrue();
    assertThat(VariableType.STRING.accepts(null)).isFalse();
  }

  @Test
  @DisplayName("declarations start at their type's empty value and need unique names")
  void declarations() {
    assertThat(new VariableDeclaration("n", VariableType.NUMBER, null, null).value()).isEqualTo(0);
    assertThat(new VariableDeclaration("l", VariableType.ARRAY_NUMBER, null, null).value())
        .isEqualTo(List.of());
    assertThatThrownBy(() -> new VariableDeclaration("1x", VariableType.STRING, "", null))
        .isInstanceOf(InvalidInputException.class);
    VariableDeclaration a = new VariableDeclaration("a", VariableType.STRING, "", null);
    assertThatThrownBy(() -> VariableDeclaration.uniqueCopy(List.of(a, a)))
        .hasMessage("conversation_variables name a is declared twice");
  }
}
