package dev.shortlease.benchmark.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Load generator: one client's keep-alive HTTP/1.1 connection, blocking, for a virtual thread. It
 * speaks just what a chat needs (POST, status, headers, chunked or sized body, read line by line)
 * because on a 2-core machine shared with the service the JDK's asynchronous client cost several
 * times more CPU per chat and would have made the generator part of the measurement.
 */
final class Http1Connection implements AutoCloseable {

  private final URI base;
  private final int timeoutMillis;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private long remaining; // bytes left in the current chunk or sized body; -1 = until close
  private boolean chunked;
  private boolean bodyDone;
  private boolean closeAfterBody;

  Http1Connection(URI base, int timeoutMillis) {
    this.base = base;
    this.timeoutMillis = timeoutMillis;
  }

  /**
   * Sends a POST and returns the status; the body is then read with {@link #readLine()}. A
   * kept-alive connection the server or a proxy closed while it was idle fails before any byte of a
   * response arrives; then, as HTTP clients do with a stale pooled connection, one fresh connection
   * is opened and the request sent once more.
   */
  int post(String path, String authorization, byte[] json) throws IOException {
    boolean reused = socket != null;
    try {
      return send(path, authorization, json);
    } catch (StaleConnection e) {
      if (!reused) {
        throw e;
      }
      close();
      return send(path, authorization, json);
    }
  }

  /** The connection was closed before any byte of a response came back. */
  private static final class StaleConnection extends IOException {
    StaleConnection(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private int send(String path, String authorization, byte[] json) throws IOException {
    if (socket == null) {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      in = new BufferedInputStream(socket.getInputStream(), 8192);
      out = socket.getOutputStream();
    }
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: "
            + base.getHost()
            + ":"
            + base.getPort()
            + "\r\nAuthorization: "
            + authorization
            + "\r\nContent-Type: application/json\r\nAccept: text/event-stream\r\nContent-Length: "
            + json.length
            + "\r\n\r\n";
    String status;
    try {
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.write(json);
      out.flush();
      status = rawLine();
    } catch (java.net.SocketException e) {
      throw new StaleConnection("connection closed before a response: " + e.getMessage(), e);
    }
    if (status == null) {
      throw new StaleConnection("connection closed before a response", null);
    }
    if (!status.startsWith("HTTP/1.")) {
      throw new IOException("bad status line: " + status);
    }
    chunked = false;
    remaining = -1;
    bodyDone = false;
    closeAfterBody = false;
    for (String header = rawLine(); header != null && !header.isEmpty(); header = rawLine()) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
        remaining = 0;
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        closeAfterBody = true;
      } else if (lower.startsWith("content-length:")) {
        remaining = Long.parseLong(lower.substring(15).trim());
      }
    }
    return Integer.parseInt(status.substring(9, 12));
  }

  /** The next body line without its terminator; null at the end of the body. */
  String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    int b;
    while ((b = bodyByte()) >= 0) {
      if (b == '\n') {
        return trimCr(line);
      }
      line.write(b);
    }
    return line.size() == 0 ? null : trimCr(line);
  }

  /** Reads what is left of the body so the connection can carry the next request. */
  void finishBody() throws IOException {
    while (bodyByte() >= 0) {
      // drain
    }
    if (closeAfterBody) {
      close();
    }
  }

  private int bodyByte() throws IOException {
    if (bodyDone) {
      return -1;
    }
    if (chunked && remaining == 0) {
      String size = rawLine();
      if (size != null && size.isEmpty()) {
        size = rawLine(); // CRLF after the previous chunk
      }
      remaining = size == null ? 0 : Long.parseLong(size.split(";")[0].trim(), 16);
      if (remaining == 0) {
        rawLine(); // trailer end
        bodyDone = true;
        return -1;
      }
    }
    if (!chunked && remaining == 0) {
      bodyDone = true;
      return -1;
    }
    int b = in.read();
    if (b < 0) {
      bodyDone = true;
      close();
      return -1;
    }
    remaining--;
    return b;
  }

  private String rawLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      line.write(b);
    }
    return b < 0 && line.size() == 0 ? null : trimCr(line);
  }

  private static String trimCr(ByteArrayOutputStream line) {
    String text = line.toString(StandardCharsets.UTF_8);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }

  @Override
  public void close() {
    try {
      if (socket != null) {
        socket.close();
      }
    } catch (IOException ignored) {
      // closing anyway
    } finally {
      socket = null;
    }
  }
}
