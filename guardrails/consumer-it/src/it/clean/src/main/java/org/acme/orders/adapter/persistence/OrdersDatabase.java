package org.acme.orders.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import javax.sql.DataSource;

/** The pool and the JPA setup; the composition root wraps the pool before JPA sees it. */
public final class OrdersDatabase {
  private OrdersDatabase() {}

  public static HikariDataSource pool(String jdbcUrl, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(size);
    // Fail fast rather than wait 30 s when a connection was not returned.
    config.setConnectionTimeout(2_000);
    config.setPoolName("acme-orders");
    return new HikariDataSource(config);
  }

  public static EntityManagerFactory entityManagerFactory(DataSource dataSource) {
    return new PersistenceConfiguration("acme-orders")
        .managedClass(OrderEntity.class)
        .property("jakarta.persistence.nonJtaDataSource", dataSource)
        .property("jakarta.persistence.schema-generation.database.action", "create")
        .createEntityManagerFactory();
  }
}
