package dev.shortlease.adapter.web;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Test support: the web adapter over {@link StubUseCases}, started on a free port before each test
 * and stopped after it, with the admin token {@link StubUseCases#ADMIN_TOKEN}. Register it with
 * {@code @RegisterExtension}.
 */
final class StubApi implements BeforeEachCallback, AfterEachCallback {
  final StubUseCases stubs = new StubUseCases();
  private HttpApi api;

  @Override
  public void beforeEach(ExtensionContext context) {
    api = stubs.api(new WebSettings(StubUseCases.ADMIN_TOKEN)).start("127.0.0.1", 0);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (api != null) {
      api.stop();
    }
  }

  int port() {
    return api.port();
  }

  /** The routes served, as {@code "METHOD /path"}. */
  List<String> routes() {
    return api.routes();
  }
}
