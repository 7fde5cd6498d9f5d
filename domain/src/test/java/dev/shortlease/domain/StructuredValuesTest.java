package dev.shortlease.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StructuredValuesTest {

  @Test
  @DisplayName("freezing copies deeply, keeps order and nulls, and cannot be changed afterwards")
  void freezesDeeply() {
    List<Object> list = new ArrayList<>(Arrays.asList(1, null, "x"));
    Map<String, Object> inner = new HashMap<>(Map.of("b", true));
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("z", list);
    map.put("a", inner);
    map.put("n", null);

    Map<String, Object> frozen = StructuredValues.freeze(map);
    list.add("later");
    inner.put("c", 2.5);

    assertThat(frozen.keySet()).containsExactly("z", "a", "n");
    assertThat(frozen.get("z")).isEqualTo(Arrays.asList(1, null, "x"));
    assertThat(frozen.get("a")).isEqualTo(Map.of("b", true));
    assertThat(frozen).containsEntry("n", null);
    assertThatThrownBy(() -> frozen.put("q", 1)).isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    List<Object> frozenList = (List<Object>) frozen.get("z");
    assertThatThrownBy(() -> frozenList.add(1)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  @DisplayName("null is the empty map; anything that is not a structured value is refused")
  void refusesOtherValues() {
    assertThat(StructuredValues.freeze(null)).isEmpty();
    assertThatThrownBy(() -> StructuredValues.freeze(Map.of("when", new Object())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Object");
    assertThatThrownBy(() -> StructuredValues.freeze(Map.of("m", Map.of(1, "x"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a string");
  }
}
