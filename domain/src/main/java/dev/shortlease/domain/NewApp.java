package dev.shortlease.domain;

import java.util.List;
import java.util.Objects;

/** Command to create an app; validates itself so every port receives a well-formed app. */
public record NewApp(
    String name,
    String description,
    AppMode mode,
    ModelSettings modelSettings,
    String systemPrompt,
    String openingStatement,
    List<String> suggestedQuestions,
    InputForm userInputForm,
    List<VariableDeclaration> conversationVariables) {

  public NewApp {
    name = Texts.requireText(name, "name", 255);
    Objects.requireNonNull(mode, "mode");
    description = description == null ? "" : description;
    modelSettings = modelSettings == null ? ModelSettings.DEFAULT : modelSettings;
    systemPrompt = systemPrompt == null ? "" : systemPrompt;
    openingStatement = openingStatement == null ? "" : openingStatement;
    suggestedQuestions = suggestedQuestions == null ? List.of() : List.copyOf(suggestedQuestions);
    userInputForm = userInputForm == null ? InputForm.defaultFor(mode) : userInputForm;
    conversationVariables = VariableDeclaration.uniqueCopy(conversationVariables);
  }

  /** An app with its mode's default form and no conversation variables. */
  public NewApp(
      String name,
      String description,
      AppMode mode,
      ModelSettings modelSettings,
      String systemPrompt,
      String openingStatement,
      List<String> suggestedQuestions) {
    this(
        name,
        description,
        mode,
        modelSettings,
        systemPrompt,
        openingStatement,
        suggestedQuestions,
        null,
        null);
  }
}
