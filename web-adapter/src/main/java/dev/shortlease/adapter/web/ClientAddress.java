package dev.shortlease.adapter.web;

import io.javalin.http.Context;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Web adapter: the address a request comes from, for the failed-authentication throttle. The TCP
 * peer, unless that peer is a trusted reverse proxy: then the right-most {@code X-Forwarded-For}
 * entry that is not itself a trusted proxy (entries further left are whatever the client wrote, so
 * they are never believed). With no trusted proxies the header is ignored: anyone could send one
 * and walk around the throttle. Several {@code X-Forwarded-For} lines are one list, in order (RFC
 * 9110, 5.3): HAProxy's {@code option forwardfor} adds a line of its own after any the client sent,
 * so reading only the first line would count the address the client wrote.
 */
final class ClientAddress {
  private final TrustedProxies trustedProxies;

  ClientAddress(Set<String> trustedProxies) {
    this.trustedProxies = TrustedProxies.parse(trustedProxies);
  }

  String of(Context ctx) {
    String peer = ctx.req().getRemoteAddr();
    if (trustedProxies.isEmpty() || !trustedProxies.contains(peer)) {
      return peer;
    }
    List<String> lines = Collections.list(ctx.req().getHeaders("X-Forwarded-For"));
    if (lines.isEmpty()) {
      return peer;
    }
    String[] hops = String.join(",", lines).split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
        return hop;
      }
    }
    return peer;
  }
}
