package dev.shortlease.adapter.persistence;

class JpaH2AnnotationStorageTest extends AnnotationStorageContract {
  @Override
  protected PersistenceContext context() {
    return SharedContexts.h2();
  }
}
