package dev.shortlease.adapter.persistence;

import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.domain.port.AppFeedbacksPort;
import dev.shortlease.domain.port.ConversationVariablesPort;
import dev.shortlease.domain.port.contract.FormsAndVariablesContract;
import dev.shortlease.domain.port.contract.PortSet;
import org.junit.jupiter.api.BeforeEach;

@PostgresTest
class JpaPostgresFormsAndVariablesContractTest extends FormsAndVariablesContract {
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
  protected ConversationVariablesPort variables() {
    return context.conversationVariables();
  }

  @Override
  protected AppFeedbacksPort feedbacks() {
    return context.appFeedbacks();
  }
}
