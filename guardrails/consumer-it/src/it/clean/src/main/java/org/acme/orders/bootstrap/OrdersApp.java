package org.acme.orders.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.shortlease.guardrails.guice.Guardrails;
import org.acme.orders.application.port.out.RemoteCall;

/** The composition root: the service's modules behind the kit's long-call guard and leak check. */
public final class OrdersApp {
  private OrdersApp() {}

  public static Injector start(OrdersConfig config) {
    Injector injector =
        Guice.createInjector(
            Guardrails.forLongCallAnnotation(RemoteCall.class)
                .mode(config.guard())
                .wrap(new OrdersModule(config)));
    // Refuse to start if a @RemoteCall port or a *UseCase escaped the wrapping.
    Guardrails.verify(injector);
    return injector;
  }
}
