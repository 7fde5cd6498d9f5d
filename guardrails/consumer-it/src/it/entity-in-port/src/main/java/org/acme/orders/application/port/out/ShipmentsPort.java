package org.acme.orders.application.port.out;

import java.util.List;
import org.acme.orders.adapter.persistence.ShipmentEntity;
import org.acme.orders.domain.OrderId;

/** PLANTED: a port whose signature carries a JPA entity instead of a value. */
public interface ShipmentsPort {
  List<ShipmentEntity> shipmentsOf(OrderId order);
}
