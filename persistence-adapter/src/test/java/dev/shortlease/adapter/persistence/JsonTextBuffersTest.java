package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JsonTextBuffersTest {

  @Test
  @DisplayName(
      "JSON text is written with buffers from one shared pool: a new virtual thread reuses them"
          + " instead of allocating and keeping its own")
  void buffersAreSharedAcrossThreads() throws Exception {
    assertThat(JsonText.mapperBuffers()).isSameAs(JsonText.BUFFERS);
    JsonText.ofValue(Map.of("warm", "up"));
    JsonRecyclerPools.BoundedPool pool = (JsonRecyclerPools.BoundedPool) JsonText.BUFFERS;
    int pooled = pool.pooledCount();

    Thread writer = Thread.ofVirtual().start(() -> JsonText.ofValue(Map.of("topic", "leases")));
    writer.join();

    assertThat(pool.pooledCount()).isEqualTo(pooled).isPositive();
  }
}
