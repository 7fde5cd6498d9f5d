package dev.shortlease.adapter.llm.simulated;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The simulated embedding model: offline and deterministic. A text becomes a hashed bag of words
 * (lower case, letters and digits only; each word adds ±1 to one of {@value #DIMENSIONS} dimensions
 * chosen by its hash), so texts with the same words score 1, texts that share most words score
 * high, and texts with no word in common score about 0. Word order and meaning are ignored: it
 * stands in for a real model in the demo and the tests, it does not understand anything.
 */
public final class SimulatedEmbeddingModel implements EmbeddingModel {
  public static final int DIMENSIONS = 256;
  private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    return Response.from(segments.stream().map(s -> Embedding.from(vector(s.text()))).toList());
  }

  @Override
  public int dimension() {
    return DIMENSIONS;
  }

  @Override
  public String modelName() {
    return "simulated";
  }

  static float[] vector(String text) {
    float[] vector = new float[DIMENSIONS];
    for (String word : NOT_A_WORD.split(text.toLowerCase(Locale.ROOT))) {
      if (word.isEmpty()) {
        continue;
      }
      int hash = mix(word.hashCode()); // String.hashCode is specified, so stable across JVMs
      vector[Math.floorMod(hash, DIMENSIONS)] += (hash & 0x100_0000) == 0 ? 1 : -1;
    }
    return vector;
  }

  /** Spreads the bits of a string hash (murmur3's finalizer). */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85eb_ca6b;
    h ^= h >>> 13;
    h *= 0xc2b2_ae35;
    h ^= h >>> 16;
    return h;
  }
}
