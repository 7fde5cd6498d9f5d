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

/**
 * Row of {@code message}: inserted {@code RUNNING} before the model is called, then {@code NORMAL}
 * with the answer (or {@code ERROR}) when it is done.
 */
@Entity
public class Message {

  @Id
  @GeneratedValue(strategy = GenerationType.UUID)
  private UUID id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private Conversation conversation;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private App app;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private EndUser endUser;

  private String query;

  private String inputs;

  private String answer = "";

  private String status = "RUNNING";

  private String error;

  private int promptTokens;

  private int completionTokens;

  private long latencyNanos;

  @CreationTimestamp private Instant createdAt;

  @UpdateTimestamp private Instant updatedAt;

  protected Message() {}

  public Message(Conversation conversation, App app, EndUser endUser, String query) {
    this.conversation = conversation;
    this.app = app;
    this.endUser = endUser;
    this.query = query;
    this.inputs = conversation.getInputs();
  }

  public UUID getId() {
    return id;
  }

  public Conversation getConversation() {
    return conversation;
  }

  public String getQuery() {
    return query;
  }

  public String getStatus() {
    return status;
  }

  public String getAnswer() {
    return answer;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public void finish(String answer, int promptTokens, int completionTokens, long latencyNanos) {
    this.answer = answer;
    this.status = "NORMAL";
    this.promptTokens = promptTokens;
    this.completionTokens = completionTokens;
    this.latencyNanos = latencyNanos;
  }

  public void fail(String answer, String error) {
    this.answer = answer;
    this.status = "ERROR";
    this.error = error;
  }
}
