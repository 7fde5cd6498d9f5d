package dev.shortlease.bootstrap.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy between the service and PostgreSQL that a test can cut: {@link #sever()} closes every
 * open connection and refuses new ones (connection refused, as a database that is down), {@link
 * #restore()} lets connections through again; {@link #silence()} keeps every connection open but
 * lets no byte through, either way (a partition: no reply, no reset). (netcrusher-java, the library
 * for this, is not on Maven Central, so the proxy is these few lines of test code: a virtual thread
 * per direction of each connection.)
 */
final class SeverableProxy implements AutoCloseable {
  private final InetSocketAddress target;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final int port;
  private volatile ServerSocket server;
  private volatile boolean closed;
  private volatile boolean silent;

  SeverableProxy(String targetHost, int targetPort) throws IOException {
    this.target = new InetSocketAddress(targetHost, targetPort);
    this.server = listen(0);
    this.port = server.getLocalPort();
    accept(server);
  }

  int port() {
    return port;
  }

  /** Cuts every connection now and refuses new ones until {@link #restore()}. */
  synchronized void sever() throws IOException {
    server.close();
    for (Socket socket : open) {
      closeQuietly(socket);
    }
    open.clear();
  }

  /** Drops every byte from now on, in both directions; connections stay open (and are accepted). */
  void silence() {
    silent = true;
  }

  /** Accepts connections again, on the same port. */
  synchronized void restore() throws IOException {
    if (server.isClosed()) {
      server = listen(port);
      accept(server);
    }
  }

  private static ServerSocket listen(int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    return socket;
  }

  private void accept(ServerSocket listening) {
    Thread.ofVirtual()
        .start(
            () -> {
              while (!listening.isClosed()) {
                try {
                  Socket client = listening.accept();
                  Socket upstream = new Socket();
                  upstream.connect(target, 2_000);
                  open.add(client);
                  open.add(upstream);
                  pipe(client, upstream);
                  pipe(upstream, client);
                } catch (IOException e) {
                  // closed by sever() or close(), or the target refused
                }
              }
            });
  }

  private void pipe(Socket from, Socket to) {
    Thread.ofVirtual()
        .start(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  if (!silent) {
                    out.write(buffer, 0, n);
                    out.flush();
                  }
                }
              } catch (IOException e) {
                // one side closed
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
              }
            });
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    sever();
  }

  boolean isClosed() {
    return closed;
  }
}
