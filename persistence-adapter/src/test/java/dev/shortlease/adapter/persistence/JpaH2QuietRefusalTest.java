package dev.shortlease.adapter.persistence;

class JpaH2QuietRefusalTest extends QuietRefusalContract {
  @Override
  protected PersistenceContext context() {
    return SharedContexts.h2();
  }
}
