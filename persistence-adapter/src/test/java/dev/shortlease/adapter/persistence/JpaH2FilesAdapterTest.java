package dev.shortlease.adapter.persistence;

class JpaH2FilesAdapterTest extends FilesAdapterContract {
  @Override
  PersistenceContext context() {
    return SharedContexts.h2();
  }
}
