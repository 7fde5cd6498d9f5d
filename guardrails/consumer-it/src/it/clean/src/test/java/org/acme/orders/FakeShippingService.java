package org.acme.orders;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** The carrier's quote service on a free local port: answers {@code acme-post;<499 per parcel>}. */
public final class FakeShippingService implements AutoCloseable {
  private final HttpServer server;
  private final AtomicInteger calls = new AtomicInteger();
  private volatile int status = 200;

  private FakeShippingService(HttpServer server) {
    this.server = server;
    server.createContext(
        "/quote",
        exchange -> {
          calls.incrementAndGet();
          String query = exchange.getRequestURI().getQuery();
          int parcels = Integer.parseInt(query.replaceAll(".*parcels=(\\d+).*", "$1"));
          byte[] body = ("acme-post;" + 499 * parcels).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  public static FakeShippingService start() {
    try {
      return new FakeShippingService(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  public int calls() {
    return calls.get();
  }

  public void answer(int status) {
    this.status = status;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
