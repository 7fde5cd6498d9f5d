package dev.shortlease.adapter.persistence;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** Test support: a decorator that counts every connection Hibernate borrows. */
final class BorrowCounting {
  private BorrowCounting() {}

  static DataSourceDecorator counting(AtomicInteger borrowed) {
    return tracked ->
        (DataSource)
            Proxy.newProxyInstance(
                DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getConnection")) {
                    borrowed.incrementAndGet();
                  }
                  try {
                    return method.invoke(tracked, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
  }
}
