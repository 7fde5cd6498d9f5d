package dev.shortlease.benchmark.springosiv;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/** Row of {@code conversation}. */
@Entity
public class Conversation {

  @Id
  @GeneratedValue(strategy = GenerationType.UUID)
  private UUID id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private App app;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private EndUser endUser;

  private String name = "";

  private String inputs;

  private String status = "NORMAL";

  @CreationTimestamp private Instant createdAt;

  @UpdateTimestamp private Instant updatedAt;

  protected Conversation() {}

  public Conversation(App app, EndUser endUser, String inputs) {
    this.app = app;
    this.endUser = endUser;
    this.inputs = inputs;
  }

  public UUID getId() {
    return id;
  }

  public String getInputs() {
    return inputs;
  }

  /** A new message moves the conversation to the top of its user's list. */
  public void touch() {
    this.updatedAt = Instant.now();
  }
}
