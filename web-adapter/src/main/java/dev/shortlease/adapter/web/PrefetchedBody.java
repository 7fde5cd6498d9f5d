package dev.shortlease.adapter.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A chat's body, waited for before the request takes a place in the admission line. Read inside the
 * line, a body trickled a byte a second held one of its few places for as long as it took, and
 * forty such clients stopped every other chat from starting. Only the bytes are read here; their
 * checks (415, 413, JSON) keep their place after authentication, in {@link JsonBody#read}.
 */
final class PrefetchedBody {
  private static final String ATTRIBUTE = PrefetchedBody.class.getName();

  private PrefetchedBody() {}

  /**
   * Reads up to {@code maxBytes + 1} bytes, so an oversized chunked body is still told apart; a
   * declared length above the limit reads nothing (its 413 comes after authentication, and the
   * unread body is discarded then, as before).
   */
  static void prefetch(Context ctx, int maxBytes) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      return;
    }
    try {
      ctx.attribute(ATTRIBUTE, read(ctx.req().getInputStream(), declared, maxBytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the client broke off mid-body: no one to answer
    }
  }

  /** The prefetched bytes, or null when the body was not prefetched. */
  static byte[] of(Context ctx) {
    return ctx.attribute(ATTRIBUTE);
  }

  /**
   * A body as every JSON route reads it: its declared length exactly, or at most {@code maxBytes +
   * 1} bytes of one without, so an oversized chunked body is told apart.
   */
  static byte[] read(InputStream in, long declared, int maxBytes) throws IOException {
    return declared >= 0 ? exactly(in, (int) declared) : in.readNBytes(maxBytes + 1);
  }

  /**
   * A body of a declared length, read into one array of that length: {@code readNBytes(max)}
   * allocates 16 KiB chunks and copies them, ~14 KiB of garbage per chat in a heap profile. The
   * server ends the stream at the declared length; a client that sends less gets what it sent.
   */
  private static byte[] exactly(InputStream in, int length) throws IOException {
    byte[] body = new byte[length];
    int read = in.readNBytes(body, 0, length);
    return read == length ? body : Arrays.copyOf(body, read);
  }
}
