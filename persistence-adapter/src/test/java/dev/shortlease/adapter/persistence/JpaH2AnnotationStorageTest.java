package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.AnnotationJobId;
import dev.shortlease.domain.port.contract.AnnotationStorageContract;
import dev.shortlease.domain.port.contract.PortSet;
import java.time.Duration;

class JpaH2AnnotationStorageTest extends AnnotationStorageContract {
  @Override
  protected PortSet ports() {
    return SharedContexts.ports(SharedContexts.h2());
  }

  @Override
  protected void backdateJob(AnnotationJobId id, Duration age) {
    DatabaseTime.setAgo(SharedContexts.h2(), "annotation_job", "updated_at", id.value(), age);
  }
}
