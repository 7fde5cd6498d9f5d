package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.domain.EmbeddingVector;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VectorBytesTest {

  @Test
  @DisplayName("a vector round-trips through its stored bytes: four per float, little-endian")
  void roundTrip() {
    EmbeddingVector vector = new EmbeddingVector(new float[] {1.5f, -0.25f, Float.MIN_VALUE});
    byte[] bytes = VectorBytes.toBytes(vector);
    assertThat(bytes).hasSize(12);
    assertThat(bytes[0]).isZero(); // 1.5f = 0x3FC00000, lowest byte first
    assertThat(bytes[3]).isEqualTo((byte) 0x3F);
    assertThat(VectorBytes.fromBytes(bytes)).isEqualTo(vector);
  }
}
