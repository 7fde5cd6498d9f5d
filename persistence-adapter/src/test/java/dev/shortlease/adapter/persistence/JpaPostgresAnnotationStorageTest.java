package dev.shortlease.adapter.persistence;

import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.domain.AnnotationJobId;
import dev.shortlease.domain.port.contract.AnnotationStorageContract;
import dev.shortlease.domain.port.contract.PortSet;
import java.time.Duration;

@PostgresTest
class JpaPostgresAnnotationStorageTest extends AnnotationStorageContract {
  @Override
  protected PortSet ports() {
    return SharedContexts.ports(SharedContexts.postgres());
  }

  @Override
  protected void backdateJob(AnnotationJobId id, Duration age) {
    DatabaseTime.setAgo(SharedContexts.postgres(), "annotation_job", "updated_at", id.value(), age);
  }
}
