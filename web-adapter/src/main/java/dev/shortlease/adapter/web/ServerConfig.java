package dev.shortlease.adapter.web;

import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import java.time.Duration;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The HTTP server's own settings, apart from what it serves: Jetty's connectors and error handler,
 * and Javalin's threads, compression, size limits and routing options.
 */
final class ServerConfig {
  private static final int ACCEPT_QUEUE = 1024;

  /**
   * Jetty's HTTP/1.1 parser keeps, per connection, a cache of the header fields it has seen (a trie
   * of up to 1024 characters by default): a connection's second request builds it, ~20 KiB of heap
   * (a {@code char[]} of ~16 KiB and its nodes) that stays with the connection for as long as it is
   * open. It saves a few small allocations per repeated header — nothing for a client that sends a
   * chat every few seconds, and 200 MiB of a 512 MiB heap with 10,000 streams open, where it was
   * the largest item of a heap histogram (docs/benchmark.md, The long point). Off.
   */
  static final int HEADER_CACHE_SIZE = 0;

  /**
   * How long a request's headers may take to arrive, from their first byte: the connector's idle
   * timeout (Jetty's 30 s), which a client trickling a byte at a time never meets ({@link
   * RequestHeaderDeadline}).
   */
  static final Duration REQUEST_HEADER_DEADLINE = Duration.ofSeconds(30);

  private ServerConfig() {}

  /**
   * Our own connector for its accept queue: Jetty's default backlog (50) overflows when a burst of
   * hundreds of new connections arrives at once, and some of them are dropped. And without the
   * HTTP/1.1 parser's per-connection header cache ({@link #HEADER_CACHE_SIZE}), and with a deadline
   * for request headers ({@link RequestHeaderDeadline}).
   */
  static ServerConnector connector(Server server, HttpConfiguration http, String host, int port) {
    return connector(server, http, host, port, REQUEST_HEADER_DEADLINE);
  }

  static ServerConnector connector(
      Server server, HttpConfiguration http, String host, int port, Duration headerDeadline) {
    http.setHeaderCacheSize(HEADER_CACHE_SIZE);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    connector.setAcceptQueueSize(ACCEPT_QUEUE);
    connector.addBean(new RequestHeaderDeadline(connector, headerDeadline));
    return connector;
  }

  /** Server settings: {@code maxUploadBytes} is the largest multipart request an endpoint takes. */
  static void applyTo(JavalinConfig config, WebSettings settings, long maxUploadBytes) {
    config.concurrency.useVirtualThreads = true;
    // Errors Jetty answers before any handler (a malformed request) are JSON too, as every error.
    config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
    config.http.compressionStrategy = CompressionStrategy.NONE;
    config.http.maxRequestSize = settings.maxBodyBytes();
    // Uploads are multipart: parts go to temporary files, never whole into memory, up to the
    // largest upload an endpoint takes (the handlers check each part's own limit).
    config.jetty.multipartConfig.maxTotalRequestSize(maxUploadBytes, SizeUnit.BYTES);
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    // /v1/meta/ is a 404, as in Dify (Flask's strict slashes): a client that works here works there
    config.router.ignoreTrailingSlashes = false;
    config.http.prefer405over404 = true; // a known path with the wrong method is 405, as in Dify
  }
}
