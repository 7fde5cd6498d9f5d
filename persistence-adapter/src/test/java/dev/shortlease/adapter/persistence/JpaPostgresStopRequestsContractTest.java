package dev.shortlease.adapter.persistence;

import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.port.StopRequestsPort;
import dev.shortlease.domain.port.contract.PortSet;
import dev.shortlease.domain.port.contract.StopRequestsContract;
import org.junit.jupiter.api.BeforeEach;

@PostgresTest
class JpaPostgresStopRequestsContractTest extends StopRequestsContract {
  private PersistenceContext context;

  @BeforeEach
  void connect() {
    context = SharedContexts.postgres();
  }

  @Override
  protected PortSet ports() {
    return SharedContexts.ports(context);
  }

  @Override
  protected StopRequestsPort stopRequests() {
    return context.stopRequests();
  }

  @Override
  protected void recordRandomStops(AppId app, String user, int count) {
    StopRequestRows.insertRandom(context, StopRequestRows.POSTGRES, app, user, count);
  }
}
