package dev.shortlease.benchmark.springosiv;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.util.UUID;

/** Row of the service's {@code app} table; columns not mapped keep their database defaults. */
@Entity
public class App {

  @Id
  @GeneratedValue(strategy = GenerationType.UUID)
  private UUID id;

  private String name;

  private String mode;

  private String model;

  private String status;

  @Column(name = "api_enabled")
  private boolean apiEnabled;

  protected App() {}

  public App(String name, String mode) {
    this.name = name;
    this.mode = mode;
    this.model = "simulated";
    this.status = "NORMAL";
    this.apiEnabled = true;
  }

  public UUID getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getMode() {
    return mode;
  }

  /** Whether the app answers chats through its API keys. */
  public boolean isServing() {
    return apiEnabled && "NORMAL".equals(status);
  }
}
