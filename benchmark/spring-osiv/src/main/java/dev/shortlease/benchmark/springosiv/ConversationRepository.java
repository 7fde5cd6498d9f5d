package dev.shortlease.benchmark.springosiv;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ConversationRepository extends JpaRepository<Conversation, UUID> {

  /** The owner's live conversation: another user's ID finds nothing. */
  Optional<Conversation> findByIdAndAppAndEndUserAndStatus(
      UUID id, App app, EndUser endUser, String status);
}
