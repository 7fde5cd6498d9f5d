package dev.shortlease.application.port.out;

import dev.shortlease.domain.StructuredValues;
import java.util.Map;
import java.util.Optional;

/**
 * A tool call's arguments as structured values, parsed from the model's JSON by the model adapter
 * with a real JSON library, so the application never reads JSON text.
 *
 * @param values the argument object's members ({@link StructuredValues}); empty when unreadable
 * @param unreadableText what the model sent when it was not a JSON object, else {@code null}; kept
 *     so the thought records what was asked and the call can be replayed to the model as sent
 */
public record ToolArguments(Map<String, Object> values, String unreadableText) {
  public static final ToolArguments NONE = new ToolArguments(Map.of(), null);

  public ToolArguments {
    values = StructuredValues.freeze(values);
    if (unreadableText != null && !values.isEmpty()) {
      throw new IllegalArgumentException("unreadable arguments have no values");
    }
  }

  public static ToolArguments of(Map<String, ?> values) {
    return new ToolArguments(StructuredValues.freeze(values), null);
  }

  /** The model sent {@code text}, which is not a JSON object. */
  public static ToolArguments unreadable(String text) {
    return new ToolArguments(Map.of(), text == null ? "" : text);
  }

  public boolean readable() {
    return unreadableText == null;
  }

  /** A top-level string argument, if present; a value of any other type counts as absent. */
  public Optional<String> string(String name) {
    return values.get(name) instanceof String text ? Optional.of(text) : Optional.empty();
  }

  /** What a record of the call stores: the values, or the unreadable text as it was sent. */
  public Object asRecorded() {
    return readable() ? values : unreadableText;
  }
}
