package org.acme.orders.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.http.HttpClient;
import org.acme.orders.FakeShippingService;
import org.acme.orders.domain.ShippingQuote;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpShippingQuoteAdapterTest {
  private final FakeShippingService carrier = FakeShippingService.start();
  private final HttpShippingQuoteAdapter adapter =
      new HttpShippingQuoteAdapter(HttpClient.newHttpClient(), carrier.uri());

  @AfterEach
  void stop() {
    carrier.close();
  }

  @Test
  void readsTheCarriersQuote() {
    assertEquals(new ShippingQuote("acme-post", 1497), adapter.quote("10115", 3));
  }

  @Test
  void anErrorStatusIsAnError() {
    carrier.answer(503);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> adapter.quote("10115", 1));
    assertEquals(true, e.getMessage().contains("503"), e.getMessage());
  }
}
