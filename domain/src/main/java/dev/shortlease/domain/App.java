package dev.shortlease.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** An LLM app as configured by its owner: what it is, how it answers, whether it is open. */
public record App(
    AppId id,
    String name,
    String description,
    AppMode mode,
    ModelSettings modelSettings,
    String systemPrompt,
    String openingStatement,
    List<String> suggestedQuestions,
    AppStatus status,
    boolean apiEnabled,
    Instant createdAt,
    InputForm userInputForm,
    List<VariableDeclaration> conversationVariables) {

  public App {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(modelSettings, "modelSettings");
    Objects.requireNonNull(status, "status");
    name = Texts.requireText(name, "name", 255);
    description = description == null ? "" : description;
    systemPrompt = systemPrompt == null ? "" : systemPrompt;
    openingStatement = openingStatement == null ? "" : openingStatement;
    suggestedQuestions = suggestedQuestions == null ? List.of() : List.copyOf(suggestedQuestions);
    userInputForm = userInputForm == null ? InputForm.defaultFor(mode) : userInputForm;
    conversationVariables = VariableDeclaration.uniqueCopy(conversationVariables);
  }

  /** An app with its mode's default form and no conversation variables. */
  public App(
      AppId id,
      String name,
      String description,
      AppMode mode,
      ModelSettings modelSettings,
      String systemPrompt,
      String openingStatement,
      List<String> suggestedQuestions,
      AppStatus status,
      boolean apiEnabled,
      Instant createdAt) {
    this(
        id,
        name,
        description,
        mode,
        modelSettings,
        systemPrompt,
        openingStatement,
        suggestedQuestions,
        status,
        apiEnabled,
        createdAt,
        null,
        null);
  }

  /** True when requests with this app's key may be served. */
  public boolean isServing() {
    return status == AppStatus.NORMAL && apiEnabled;
  }
}
