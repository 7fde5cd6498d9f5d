package dev.shortlease.application.chat;

import dev.shortlease.domain.InputField;
import dev.shortlease.domain.InputForm;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The form's values in the model's text: {@code {{variable}}} in the system prompt becomes the
 * turn's input of that name (empty when it is not given), as Dify fills its prompt template; a name
 * that is not one of the inputs stays as written.
 */
final class PromptTemplate {
  private static final Pattern VARIABLE = Pattern.compile("\\{\\{([\\p{L}\\p{N}_]{1,100})}}");

  private PromptTemplate() {}

  static String render(String template, Map<String, Object> inputs) {
    if (!template.contains("{{")) {
      return template;
    }
    Matcher m = VARIABLE.matcher(template);
    return m.replaceAll(
        match -> {
          String name = match.group(1);
          if (!inputs.containsKey(name)) {
            return Matcher.quoteReplacement(match.group());
          }
          Object value = inputs.get(name);
          return Matcher.quoteReplacement(value == null ? "" : String.valueOf(value));
        });
  }

  /** The given values of the form, one "label: value" line each, in the form's order. */
  static String formValues(InputForm form, Map<String, Object> inputs) {
    return form.fields().stream()
        .filter(f -> inputs.get(f.variable()) != null)
        .map(f -> line(f, inputs.get(f.variable())))
        .collect(Collectors.joining("\n"));
  }

  private static String line(InputField field, Object value) {
    return field.label() + ": " + value;
  }
}
