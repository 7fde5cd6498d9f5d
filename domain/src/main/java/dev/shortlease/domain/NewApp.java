package dev.shortlease.domain;

import java.util.List;
import java.util.Objects;

/**
 * Command to create an app; validates itself so every port receives a well-formed app.
 *
 * @param status {@code null} = {@link AppStatus#NORMAL}
 * @param apiEnabled {@code null} = enabled
 * @param maxActiveRequests the app's own active-request limit ({@code 0} = unlimited, {@code null}
 *     = the service's default)
 */
public record NewApp(
    String name,
    String description,
    AppMode mode,
    ModelSettings modelSettings,
    String systemPrompt,
    String openingStatement,
    List<String> suggestedQuestions,
    InputForm userInputForm,
    List<VariableDeclaration> conversationVariables,
    AppStatus status,
    Boolean apiEnabled,
    Integer maxActiveRequests) {

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
    status = status == null ? AppStatus.NORMAL : status;
    apiEnabled = apiEnabled == null ? Boolean.TRUE : apiEnabled;
    App.requireActiveRequestLimit(maxActiveRequests);
  }

  /** A normal app with its API on and the service's default limit. */
  public NewApp(
      String name,
      String description,
      AppMode mode,
      ModelSettings modelSettings,
      String systemPrompt,
      String openingStatement,
      List<String> suggestedQuestions,
      InputForm userInputForm,
      List<VariableDeclaration> conversationVariables) {
    this(
        name,
        description,
        mode,
        modelSettings,
        systemPrompt,
        openingStatement,
        suggestedQuestions,
        userInputForm,
        conversationVariables,
        null,
        null,
        null);
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
