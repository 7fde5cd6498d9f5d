package dev.shortlease.domain.port.contract;

import dev.shortlease.domain.port.AgentThoughtsPort;
import dev.shortlease.domain.port.AnnotationIndexPort;
import dev.shortlease.domain.port.AnnotationJobsPort;
import dev.shortlease.domain.port.AnnotationsPort;
import dev.shortlease.domain.port.ApiKeysPort;
import dev.shortlease.domain.port.AppMediaPort;
import dev.shortlease.domain.port.AppSetupPort;
import dev.shortlease.domain.port.AppsPort;
import dev.shortlease.domain.port.ChatHistoryPort;
import dev.shortlease.domain.port.ConversationsPort;
import dev.shortlease.domain.port.EndUsersPort;
import dev.shortlease.domain.port.FinishMessagePort;
import dev.shortlease.domain.port.MessagesPort;
import dev.shortlease.domain.port.StartTurnPort;

/** Every persistence port of one implementation, as the contract tests need them together. */
public record PortSet(
    AppsPort apps,
    ApiKeysPort apiKeys,
    AppSetupPort setup,
    AppMediaPort media,
    EndUsersPort endUsers,
    StartTurnPort startTurn,
    ChatHistoryPort history,
    FinishMessagePort finish,
    AgentThoughtsPort thoughts,
    ConversationsPort conversations,
    MessagesPort messages,
    AnnotationsPort annotations,
    AnnotationIndexPort annotationIndex,
    AnnotationJobsPort annotationJobs) {

  /** One object implementing every port, such as the in-memory fake. */
  public static <
          T extends
              AppsPort & ApiKeysPort & AppSetupPort & AppMediaPort & EndUsersPort & StartTurnPort
                  & ChatHistoryPort & FinishMessagePort & AgentThoughtsPort & ConversationsPort
                  & MessagesPort & AnnotationsPort & AnnotationIndexPort & AnnotationJobsPort>
      PortSet of(T all) {
    return new PortSet(all, all, all, all, all, all, all, all, all, all, all, all, all, all);
  }
}
