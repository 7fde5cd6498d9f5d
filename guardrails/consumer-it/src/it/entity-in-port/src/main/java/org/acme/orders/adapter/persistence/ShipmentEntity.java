package org.acme.orders.adapter.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** PLANTED: an entity made public so that a port can hand it out. */
@Entity
public class ShipmentEntity {
  @Id public UUID id;
  public UUID orderId;
  public String trackingNumber;
}
