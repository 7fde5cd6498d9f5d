package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.EmbeddingVector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A vector as stored: its floats as float32, little-endian, four bytes each. */
final class VectorBytes {
  private VectorBytes() {}

  static byte[] toBytes(EmbeddingVector vector) {
    float[] values = vector.values();
    ByteBuffer buffer =
        ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(values);
    return buffer.array();
  }

  static EmbeddingVector fromBytes(byte[] bytes) {
    float[] values = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    return new EmbeddingVector(values);
  }
}
