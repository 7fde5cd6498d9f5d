package dev.shortlease.adapter.web;

/**
 * Extension point of the web adapter: told of every answered request with its route (the path
 * template, {@code unmatched} for none) and status, e.g. for the composition root's HTTP metrics.
 * Runs on the request thread after the answer: keep it short.
 */
@FunctionalInterface
public interface ResponseObserver {
  ResponseObserver NONE = (method, route, status) -> {};

  void answered(String method, String route, int status);
}
