package dev.shortlease.adapter.persistence;

import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.domain.AnnotationJobId;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.StartedTurn;
import dev.shortlease.domain.port.AppFeedbacksPort;
import dev.shortlease.domain.port.ConversationVariablesPort;
import dev.shortlease.domain.port.StopRequestsPort;
import dev.shortlease.domain.port.contract.AnnotationStorageContract;
import dev.shortlease.domain.port.contract.AppsAndKeysContract;
import dev.shortlease.domain.port.contract.ConversationsContract;
import dev.shortlease.domain.port.contract.FormsAndVariablesContract;
import dev.shortlease.domain.port.contract.MessageLifecycleContract;
import dev.shortlease.domain.port.contract.MessagesContract;
import dev.shortlease.domain.port.contract.PortSet;
import dev.shortlease.domain.port.contract.StartTurnContract;
import dev.shortlease.domain.port.contract.StopRequestsContract;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/**
 * Every persistence contract the PostgreSQL tests run, run again through PgBouncer in transaction
 * mode with {@code DATABASE_POOLER=pgbouncer} ({@link SharedContexts#pgbouncer()}: 10 pooled
 * connections on 3 server connections, so consecutive transactions of one pool connection land on
 * different server sessions, and one server session serves several pool connections).
 */
@PostgresTest
@DisplayName(
    "Persistence contracts through PgBouncer (transaction mode, DATABASE_POOLER=pgbouncer)")
class ContractsThroughPgBouncerTest {

  /**
   * Runs before every nested test: without PostgreSQL (or PgBouncer) the test is skipped here, not
   * inside a contract's {@code assertThatThrownBy}, which would take the skip for a failure.
   */
  @BeforeEach
  void startPgBouncer() {
    SharedContexts.pgbouncer();
  }

  @Nested
  @DisplayName("apps and keys, through the app cache")
  class AppsAndKeys extends AppsAndKeysContract {
    @Override
    protected PortSet ports() {
      return SharedContexts.ports(SharedContexts.pgbouncer());
    }
  }

  @Nested
  @DisplayName("apps and keys, on the adapter alone")
  class UncachedAppsAndKeys extends AppsAndKeysContract {
    @Override
    protected PortSet ports() {
      return SharedContexts.uncachedPorts(SharedContexts.pgbouncer());
    }
  }

  @Nested
  @DisplayName("conversations")
  class Conversations extends ConversationsContract {
    @Override
    protected PortSet ports() {
      return SharedContexts.ports(SharedContexts.pgbouncer());
    }
  }

  @Nested
  @DisplayName("messages")
  class Messages extends MessagesContract {
    @Override
    protected PortSet ports() {
      return SharedContexts.ports(SharedContexts.pgbouncer());
    }
  }

  @Nested
  @DisplayName("message lifecycle")
  class MessageLifecycle extends MessageLifecycleContract {
    @Override
    protected PortSet ports() {
      return SharedContexts.ports(SharedContexts.pgbouncer());
    }

    @Override
    protected void backdateStart(StartedTurn turn, Duration age) {
      DatabaseTime.setAgo(
          SharedContexts.pgbouncer(), "message", "created_at", turn.messageId().value(), age);
    }
  }

  @Nested
  @DisplayName("turn start")
  class StartTurn extends StartTurnContract {
    @Override
    protected PortSet ports() {
      return SharedContexts.ports(SharedContexts.pgbouncer());
    }
  }

  @Nested
  @DisplayName("forms and conversation variables")
  class FormsAndVariables extends FormsAndVariablesContract {
    @Override
    protected PortSet ports() {
      return SharedContexts.ports(SharedContexts.pgbouncer());
    }

    @Override
    protected ConversationVariablesPort variables() {
      return SharedContexts.pgbouncer().conversationVariables();
    }

    @Override
    protected AppFeedbacksPort feedbacks() {
      return SharedContexts.pgbouncer().appFeedbacks();
    }
  }

  @Nested
  @DisplayName("stop requests")
  class StopRequests extends StopRequestsContract {
    @Override
    protected PortSet ports() {
      return SharedContexts.ports(SharedContexts.pgbouncer());
    }

    @Override
    protected StopRequestsPort stopRequests() {
      return SharedContexts.pgbouncer().stopRequests();
    }

    @Override
    protected void recordRandomStops(AppId app, String user, int count) {
      StopRequestRows.insertRandom(
          SharedContexts.pgbouncer(), StopRequestRows.POSTGRES, app, user, count);
    }
  }

  @Nested
  @DisplayName("annotations")
  class Annotations extends AnnotationStorageContract {
    @Override
    protected PortSet ports() {
      return SharedContexts.ports(SharedContexts.pgbouncer());
    }

    @Override
    protected void backdateJob(AnnotationJobId id, Duration age) {
      DatabaseTime.setAgo(
          SharedContexts.pgbouncer(), "annotation_job", "updated_at", id.value(), age);
    }
  }

  @Nested
  @DisplayName("files")
  class Files extends FilesAdapterContract {
    @Override
    PersistenceContext context() {
      return SharedContexts.pgbouncer();
    }
  }

  @Nested
  @DisplayName("statement timeouts")
  class Timeouts extends StatementTimeoutsContract {
    @Override
    PersistenceSettings database() {
      return SharedContexts.bouncer().settings();
    }

    @Override
    String slowStatement() {
      return "select pg_sleep(5)";
    }
  }

  @Nested
  @DisplayName("instance leases and the recovery of a dead instance's messages")
  class InstanceLeases extends InstanceLeaseTest.Contract {
    @Override
    PersistenceSettings database() {
      return SharedContexts.bouncer().settings();
    }
  }
}
