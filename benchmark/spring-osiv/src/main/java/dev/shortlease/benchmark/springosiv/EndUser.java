package dev.shortlease.benchmark.springosiv;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.util.UUID;

/** Row of {@code end_user}: an app's user, named by the {@code user} field of a request. */
@Entity
public class EndUser {

  @Id
  @GeneratedValue(strategy = GenerationType.UUID)
  private UUID id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private App app;

  private String externalId;

  protected EndUser() {}

  public EndUser(App app, String externalId) {
    this.app = app;
    this.externalId = externalId;
  }

  public UUID getId() {
    return id;
  }
}
