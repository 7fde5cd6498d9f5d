package dev.shortlease.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.shortlease.application.port.out.ToolArguments;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ToolArgumentsJsonTest {

  @Test
  @DisplayName("a JSON object becomes structured values: escapes, numbers, nesting, order")
  void parsesAnObject() {
    ToolArguments arguments =
        ToolArgumentsJson.parse(
            "{\"q\": \"x\\\"y\\\\z\\n\\u00e9\", \"n\": 5, \"f\": 2.5, \"ok\": true,"
                + " \"none\": null, \"list\": [1, \"a\"], \"obj\": {\"k\": \"v\"}}");

    assertThat(arguments.readable()).isTrue();
    assertThat(arguments.values())
        .containsExactly(
            entry("q", "x\"y\\z\né"),
            entry("n", 5),
            entry("f", 2.5),
            entry("ok", true),
            entry("none", null),
            entry("list", List.of(1, "a")),
            entry("obj", Map.of("k", "v")));
    assertThat(arguments.string("q")).contains("x\"y\\z\né");
  }

  @Test
  @DisplayName("no text is no arguments; text that is not a JSON object is kept as unreadable")
  void emptyAndUnreadable() {
    assertThat(ToolArgumentsJson.parse(null)).isEqualTo(ToolArguments.NONE);
    assertThat(ToolArgumentsJson.parse("  ")).isEqualTo(ToolArguments.NONE);
    assertThat(ToolArgumentsJson.parse("{timezone: UTC}"))
        .isEqualTo(ToolArguments.unreadable("{timezone: UTC}"));
    assertThat(ToolArgumentsJson.parse("[1, 2]")).isEqualTo(ToolArguments.unreadable("[1, 2]"));
    assertThat(ToolArgumentsJson.parse("null")).isEqualTo(ToolArguments.unreadable("null"));
  }

  @Test
  @DisplayName("writing gives JSON that parses back to the same arguments; unreadable text as sent")
  void roundTrip() {
    ToolArguments arguments =
        ToolArguments.of(Map.of("period", "today", "limit", 3, "tags", List.of("a", "b")));

    assertThat(ToolArgumentsJson.parse(ToolArgumentsJson.write(arguments))).isEqualTo(arguments);
    assertThat(ToolArgumentsJson.write(ToolArguments.NONE)).isEqualTo("{}");
    assertThat(ToolArgumentsJson.write(ToolArguments.unreadable("{oops"))).isEqualTo("{oops");
  }
}
