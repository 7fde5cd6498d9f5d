package dev.shortlease.guardrails.guard;

import java.util.concurrent.Callable;

/** Test support: stands for a framework (Hibernate) whose many frames sit above the application. */
final class DeepStack {
  private DeepStack() {}

  static <T> T call(int depth, Callable<T> inner) throws Exception {
    return depth == 0 ? inner.call() : call(depth - 1, inner);
  }
}
