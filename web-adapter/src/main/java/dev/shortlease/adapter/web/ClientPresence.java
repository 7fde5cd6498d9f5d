package dev.shortlease.adapter.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;

/**
 * Web adapter: whether the client of a blocking request is still connected. Jetty reads nothing
 * from the connection while a handler runs, so a client that hung up is only seen by trying to
 * read: a one-byte non-blocking fill answers -1 at end of stream and 0 while the client waits. (A
 * client that pipelines its next request behind a blocking one would lose that byte; HTTP clients
 * do not pipeline behind a POST.)
 */
final class ClientPresence {
  private ClientPresence() {}

  /** A check that is false once the client has gone; always true where it cannot tell. */
  static BooleanSupplier of(Context ctx) {
    EndPoint endPoint;
    try {
      endPoint =
          ServletContextRequest.getServletContextRequest(ctx.req())
              .getConnectionMetaData()
              .getConnection()
              .getEndPoint();
    } catch (RuntimeException notJetty) {
      return () -> true;
    }
    ByteBuffer probe = BufferUtil.allocate(1);
    return () -> {
      if (!endPoint.isOpen() || endPoint.isInputShutdown()) {
        return false;
      }
      try {
        BufferUtil.clear(probe);
        return endPoint.fill(probe) >= 0;
      } catch (IOException e) {
        return false;
      }
    };
  }
}
