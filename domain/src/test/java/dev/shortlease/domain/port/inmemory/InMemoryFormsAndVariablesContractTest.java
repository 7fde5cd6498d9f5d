package dev.shortlease.domain.port.inmemory;

import dev.shortlease.domain.port.AppFeedbacksPort;
import dev.shortlease.domain.port.ConversationVariablesPort;
import dev.shortlease.domain.port.contract.FormsAndVariablesContract;
import dev.shortlease.domain.port.contract.PortSet;

class InMemoryFormsAndVariablesContractTest extends FormsAndVariablesContract {
  private final InMemoryStore store = new InMemoryStore();

  @Override
  protected PortSet ports() {
    return PortSet.of(store);
  }

  @Override
  protected ConversationVariablesPort variables() {
    return store;
  }

  @Override
  protected AppFeedbacksPort feedbacks() {
    return store;
  }
}
