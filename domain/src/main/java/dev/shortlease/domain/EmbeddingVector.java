package dev.shortlease.domain;

import java.util.Arrays;

/**
 * A text's embedding: an immutable array of floats (copied in and out). Compared by cosine
 * similarity, so only vectors of the same model (and so the same dimensions) are comparable.
 */
public record EmbeddingVector(float[] values) {

  public EmbeddingVector {
    if (values == null || values.length == 0) {
      throw new IllegalArgumentException("an embedding has at least one dimension");
    }
    values = values.clone();
  }

  @Override
  public float[] values() {
    return values.clone();
  }

  public int dimensions() {
    return values.length;
  }

  /** Cosine similarity in [-1, 1]; 0 for a zero vector; -1 when the dimensions differ. */
  public double cosine(EmbeddingVector other) {
    float[] b = other.values;
    if (b.length != values.length) {
      return -1;
    }
    double dot = 0;
    double normA = 0;
    double normB = 0;
    for (int i = 0; i < values.length; i++) {
      dot += (double) values[i] * b[i];
      normA += (double) values[i] * values[i];
      normB += (double) b[i] * b[i];
    }
    return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EmbeddingVector other && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "EmbeddingVector[" + values.length + " dimensions]";
  }
}
