package dev.shortlease.application.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.domain.InputField;
import dev.shortlease.domain.InputForm;
import dev.shortlease.domain.InputType;
import dev.shortlease.domain.InvalidInputException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InputFormValidatorTest {
  private static final InputForm FORM =
      new InputForm(
          List.of(
              new InputField(InputType.TEXT_INPUT, "name", "Name", true, null, 5, null),
              new InputField(InputType.PARAGRAPH, "notes", "Notes", false, "none", null, null),
              new InputField(
                  InputType.SELECT, "lang", "Language", false, null, null, List.of("en", "fr")),
              new InputField(InputType.NUMBER, "age", "Age", false, null, null, null)));

  private static Map<String, Object> inputs(Object... pairs) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private static void assertFault(Map<String, Object> inputs, String message) {
    assertThatThrownBy(() -> InputFormValidator.validate(FORM, inputs))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(message);
  }

  @Test
  @DisplayName("keeps only the form's variables, in its order, with defaults and nulls")
  void keepsFormVariables() {
    Map<String, Object> kept =
        InputFormValidator.validate(FORM, inputs("extra", "x", "name", "Ann", "age", 7));
    assertThat(kept).containsOnlyKeys("name", "notes", "lang", "age");
    assertThat(kept.keySet()).containsExactly("name", "notes", "lang", "age");
    assertThat(kept).containsEntry("notes", "none").containsEntry("lang", null);
    assertThat(kept.get("age")).isEqualTo(7);
  }

  @Test
  @DisplayName("Dify's errors: required, string, options, length, number")
  void difyErrors() {
    assertFault(inputs(), "name is required in input form");
    assertFault(inputs("name", 3), "(type 'text-input') name in input form must be a string");
    assertFault(
        inputs("name", "Ann", "notes", List.of()),
        "(type 'paragraph') notes in input form must be a string");
    assertFault(
        inputs("name", "Ann", "lang", "de"),
        "lang in input form must be one of the following: ['en', 'fr']");
    assertFault(inputs("name", "Annabel"), "name in input form must be less than 5 characters");
    assertFault(inputs("name", "Ann", "age", "old"), "age in input form must be a valid number");
    assertFault(inputs("name", "Ann", "age", true), "age in input form must be a valid number");
  }

  @Test
  @DisplayName("a number too large for a double (JSON 1e999) or a string like 1.0e999 is refused")
  void infiniteNumbersAreRefused() {
    for (Object infinite : List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, "1.0e999")) {
      assertFault(
          inputs("name", "Ann", "age", infinite), "age in input form must be a valid number");
    }
    assertFault(
        inputs("name", "Ann", "age", Double.NaN), "age in input form must be a valid number");
  }

  @Test
  @DisplayName("a numeric string becomes a number; a blank one no value; NULs are removed")
  void numbersAndSanitizing() {
    assertThat(InputFormValidator.validate(FORM, inputs("name", "A\u0000n", "age", "42")))
        .containsEntry("age", 42L)
        .containsEntry("name", "An");
    assertThat(InputFormValidator.validate(FORM, inputs("name", "A", "age", "4.5")))
        .containsEntry("age", 4.5);
    assertThat(InputFormValidator.validate(FORM, inputs("name", "A", "age", " ")))
        .containsEntry("age", null);
    assertThat(
            InputFormValidator.validate(FORM, inputs("name", "A", "age", "123456789012345678901")))
        .containsEntry("age", new BigInteger("123456789012345678901"));
  }

  @Test
  @DisplayName(
      "an empty string passes a required text field, as in Dify (only a missing one fails)")
  void emptyStringIsGiven() {
    assertThat(InputFormValidator.validate(FORM, inputs("name", ""))).containsEntry("name", "");
  }

  @Test
  @DisplayName("the system prompt's {{variables}} take the turn's inputs")
  void promptTemplate() {
    Map<String, Object> in = inputs("lang", "French", "n", 3, "gone", null);
    assertThat(PromptTemplate.render("To {{lang}} x{{n}} {{gone}}|{{other}}", in))
        .isEqualTo("To French x3 |{{other}}");
    assertThat(PromptTemplate.formValues(FORM, inputs("name", "Ann", "age", 7)))
        .isEqualTo("Name: Ann\nAge: 7");
  }
}
