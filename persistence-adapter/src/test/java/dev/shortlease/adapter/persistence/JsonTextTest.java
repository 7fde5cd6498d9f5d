package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("JSON text: empty inputs skip the mapper, others round-trip with their types")
class JsonTextTest {

  @Test
  @DisplayName("empty inputs are {} and {} is empty inputs, as the mapper would say")
  void emptyInputs() {
    assertThat(JsonText.ofValue(Map.of())).isEqualTo("{}");
    assertThat(JsonText.ofValue(new LinkedHashMap<>())).isEqualTo("{}");
    assertThat(JsonText.toObject("{}")).contains(Map.of());
    assertThat(JsonText.toObject(" { } ")).contains(Map.of());
  }

  @Test
  @DisplayName("other inputs still go through the mapper, numbers staying numbers")
  void otherInputs() {
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("topic", "leases");
    inputs.put("count", 3);
    inputs.put("tags", List.of("a", "b"));

    String json = JsonText.ofValue(inputs);

    assertThat(json).isEqualTo("{\"topic\":\"leases\",\"count\":3,\"tags\":[\"a\",\"b\"]}");
    assertThat(JsonText.toObject(json)).contains(inputs);
    assertThat(JsonText.toObject("not json")).isEmpty();
  }
}
