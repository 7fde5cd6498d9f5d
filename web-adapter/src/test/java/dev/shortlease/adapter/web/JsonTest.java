package dev.shortlease.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  @DisplayName("embedded JSON text is written as Dify writes it, and parses back to the same map")
  void embeddedTextAsDifyWritesIt() throws Exception {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("current_time", Map.of("timezone", "Asia/Tokyo"));
    input.put("search", "{not json");
    input.put("stats", List.of(1, true));

    String text = Json.embeddedText(input);

    assertThat(text)
        .isEqualTo(
            "{\"current_time\": {\"timezone\": \"Asia/Tokyo\"}, \"search\": \"{not json\","
                + " \"stats\": [1, true]}");
    assertThat(Json.MAPPER.readValue(text, Map.class)).isEqualTo(input);
  }

  @Test
  @DisplayName(
      "buffers come from one shared pool, so a request's virtual thread reuses another's instead of"
          + " allocating (and keeping) its own")
  void buffersAreSharedAcrossThreads() throws Exception {
    assertThat(Json.MAPPER.getFactory()._getRecyclerPool()).isSameAs(Json.BUFFERS);
    Json.writeString(Map.of("warm", "up")); // a first set of buffers, back in the pool
    int pooled = ((JsonRecyclerPools.BoundedPool) Json.BUFFERS).pooledCount();
    Thread writer = Thread.ofVirtual().start(() -> Json.writeString(Map.of("event", "message")));
    writer.join();
    assertThat(((JsonRecyclerPools.BoundedPool) Json.BUFFERS).pooledCount())
        .as("the new thread took the pooled set and gave it back")
        .isEqualTo(pooled)
        .isPositive();
  }

  @Test
  @DisplayName("escapes what JSON must escape and keeps other characters as they are")
  void escapes() {
    assertThat(Json.embeddedText(Map.of("t", "a \"b\" c\\d\né")))
        .isEqualTo("{\"t\": \"a \\\"b\\\" c\\\\d\\né\"}");
  }

  @Test
  @DisplayName("a thought without tools has empty tool_input and observation, not {}")
  void emptyIsEmptyString() {
    assertThat(Json.embeddedText(Map.of())).isEmpty();
  }
}
