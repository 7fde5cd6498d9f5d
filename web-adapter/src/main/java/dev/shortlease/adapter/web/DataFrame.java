package dev.shortlease.adapter.web;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Web adapter: one server-sent event's bytes, {@code data: {json}\n\n}, assembled as bytes: Jackson
 * writes UTF-8 into a buffer of {@link Json#BUFFERS}, where a string and its concatenation would
 * copy every event three more times (a heap profile at C=1000 put them at 4 KiB per chat).
 */
final class DataFrame {
  private static final byte[] DATA = {'d', 'a', 't', 'a', ':', ' '};
  private static final byte[] END = {'\n', '\n'};

  private DataFrame() {}

  /** What one frame's JSON is: written to a generator of {@link Json#MAPPER}. */
  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /** The frame of a value the mapper serializes (a map, a record). */
  static byte[] ofValue(Object payload) {
    return of(g -> g.writeObject(payload));
  }

  static byte[] of(Body body) {
    BufferRecycler buffers = Json.MAPPER.getFactory()._getBufferRecycler();
    try (ByteArrayBuilder bytes = new ByteArrayBuilder(buffers)) {
      bytes.write(DATA);
      try (JsonGenerator g = Json.MAPPER.createGenerator(bytes, JsonEncoding.UTF8)) {
        body.write(g);
      }
      bytes.write(END);
      byte[] frame = bytes.toByteArray();
      bytes.release();
      return frame;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      buffers.releaseToPool();
    }
  }
}
