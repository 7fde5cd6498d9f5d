package dev.shortlease.guardrails.guice;

import com.google.inject.BindingAnnotation;
import java.io.Serial;
import java.io.Serializable;
import java.lang.annotation.Annotation;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Qualifies the key under which {@link GuardedModules} keeps a rewritten binding's original target.
 * Package-private, so no consumer can inject the undecorated object.
 */
@BindingAnnotation
@Retention(RetentionPolicy.RUNTIME)
@interface Undecorated {
  long value();

  /** A fresh, unique instance per rewritten binding. */
  final class Keys {
    private static final AtomicLong IDS = new AtomicLong();

    private Keys() {}

    static Undecorated next() {
      return new Impl(IDS.incrementAndGet());
    }
  }

  /** Equality and hash code as {@link Annotation} specifies, so Guice keys compare correctly. */
  record Impl(long value) implements Undecorated, Serializable {
    @Serial private static final long serialVersionUID = 1L;

    @Override
    public Class<? extends Annotation> annotationType() {
      return Undecorated.class;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Undecorated that && that.value() == value;
    }

    @Override
    public int hashCode() {
      return (127 * "value".hashCode()) ^ Long.hashCode(value);
    }

    @Override
    public String toString() {
      return "@Undecorated(" + value + ")";
    }
  }
}
