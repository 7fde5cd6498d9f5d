package dev.shortlease.application.port.out;

import dev.shortlease.domain.StructuredValues;
import java.util.Map;

/**
 * A tool the model may call.
 *
 * @param parameters the arguments it takes, described in JSON Schema's vocabulary ({@code type},
 *     {@code properties}, {@code required}, …) as structured values; the model adapter writes the
 *     text its provider needs
 */
public record ToolSpec(String name, String description, Map<String, Object> parameters) {
  public ToolSpec {
    parameters = StructuredValues.freeze(parameters);
  }
}
