package dev.shortlease.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An app's user input form (Dify's {@code user_input_form}): the fields a client renders and the
 * only keys {@code inputs} keep. Variables are unique.
 */
public record InputForm(List<InputField> fields) {

  public static final InputForm EMPTY = new InputForm(List.of());

  /** Dify's default completion app: one required paragraph, {@code query}. */
  public static final InputForm COMPLETION_DEFAULT =
      new InputForm(
          List.of(new InputField(InputType.PARAGRAPH, "query", "Query", true, "", null, null)));

  public InputForm {
    fields = fields == null ? List.of() : List.copyOf(fields);
    Set<String> seen = new HashSet<>();
    for (InputField field : fields) {
      if (!seen.add(field.variable())) {
        throw InvalidInputException.worded(
            "user_input_form",
            "variable " + field.variable() + " is duplicated in user_input_form");
      }
    }
  }

  /** The form a new app of {@code mode} gets when its creator gives none, as in Dify. */
  public static InputForm defaultFor(AppMode mode) {
    return mode == AppMode.COMPLETION ? COMPLETION_DEFAULT : EMPTY;
  }
}
