package org.acme.orders.adapter.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.acme.orders.application.port.out.ShippingQuotePort;
import org.acme.orders.domain.ShippingQuote;

/**
 * The carrier's quote service over HTTP: {@code GET <base>/quote?postcode=..&parcels=..} answers
 * {@code <carrier>;<cents>} as plain text.
 */
public final class HttpShippingQuoteAdapter implements ShippingQuotePort {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient client;
  private final URI base;

  public HttpShippingQuoteAdapter(HttpClient client, URI base) {
    this.client = client;
    this.base = base;
  }

  @Override
  public ShippingQuote quote(String postcode, int parcels) {
    URI uri =
        base.resolve(
            "quote?postcode="
                + URLEncoder.encode(postcode, StandardCharsets.UTF_8)
                + "&parcels="
                + parcels);
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("shipping quote service unreachable at " + uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a shipping quote", e);
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "shipping quote service answered " + response.statusCode() + " for " + uri);
    }
    String[] parts = response.body().trim().split(";");
    if (parts.length != 2) {
      throw new IllegalStateException("unreadable shipping quote: " + response.body());
    }
    return new ShippingQuote(parts[0], Long.parseLong(parts[1]));
  }
}
