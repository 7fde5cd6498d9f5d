package org.acme.orders.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.shortlease.guardrails.guard.ConnectionTracker;
import jakarta.persistence.EntityManagerFactory;
import java.net.http.HttpClient;
import javax.sql.DataSource;
import org.acme.orders.adapter.http.HttpShippingQuoteAdapter;
import org.acme.orders.adapter.persistence.JpaOrdersAdapter;
import org.acme.orders.adapter.persistence.OrdersDatabase;
import org.acme.orders.adapter.persistence.Transactions;
import org.acme.orders.application.PlaceOrderService;
import org.acme.orders.application.port.in.PlaceOrderUseCase;
import org.acme.orders.application.port.out.OrdersPort;
import org.acme.orders.application.port.out.ShippingQuotePort;

/** Plain bindings; {@link OrdersApp} wraps this module with the kit's guards. */
final class OrdersModule extends AbstractModule {
  private final OrdersConfig config;

  OrdersModule(OrdersConfig config) {
    this.config = config;
  }

  @Override
  protected void configure() {
    bind(ConnectionTracker.class)
        .toInstance(ConnectionTracker.builder().applicationPackages("org.acme.orders.").build());
    bind(OrdersPort.class).to(JpaOrdersAdapter.class);
    bind(PlaceOrderUseCase.class).to(PlaceOrderService.class);
  }

  /** The pool as JPA sees it: every connection checked out is tracked. */
  @Provides
  @Singleton
  DataSource dataSource(ConnectionTracker tracker) {
    return tracker.wrap(OrdersDatabase.pool(config.jdbcUrl(), config.poolSize()));
  }

  @Provides
  @Singleton
  EntityManagerFactory entityManagers(DataSource dataSource) {
    return OrdersDatabase.entityManagerFactory(dataSource);
  }

  @Provides
  @Singleton
  Transactions transactions(EntityManagerFactory entityManagers) {
    return new Transactions(entityManagers);
  }

  @Provides
  @Singleton
  ShippingQuotePort shippingQuotes() {
    return new HttpShippingQuoteAdapter(HttpClient.newHttpClient(), config.shippingQuotes());
  }
}
