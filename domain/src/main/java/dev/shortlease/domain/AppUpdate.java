package dev.shortlease.domain;

import java.util.List;

/**
 * A partial change to an app: {@code null} fields stay as they are.
 *
 * @param maxActiveRequests the app's own active-request limit ({@code 0} = unlimited)
 */
public record AppUpdate(
    String name,
    String description,
    ModelSettings modelSettings,
    String systemPrompt,
    String openingStatement,
    List<String> suggestedQuestions,
    AppStatus status,
    Boolean apiEnabled,
    InputForm userInputForm,
    List<VariableDeclaration> conversationVariables,
    Integer maxActiveRequests) {

  /** Changes nothing. */
  public static final AppUpdate NONE =
      new AppUpdate(null, null, null, null, null, null, null, null);

  public AppUpdate {
    if (name != null) {
      name = Texts.requireText(name, "name", 255);
    }
    suggestedQuestions = suggestedQuestions == null ? null : List.copyOf(suggestedQuestions);
    conversationVariables =
        conversationVariables == null
            ? null
            : VariableDeclaration.uniqueCopy(conversationVariables);
    App.requireActiveRequestLimit(maxActiveRequests);
  }

  /** A change that leaves the form, the conversation variables and the active-request limit. */
  public AppUpdate(
      String name,
      String description,
      ModelSettings modelSettings,
      String systemPrompt,
      String openingStatement,
      List<String> suggestedQuestions,
      AppStatus status,
      Boolean apiEnabled) {
    this(
        name,
        description,
        modelSettings,
        systemPrompt,
        openingStatement,
        suggestedQuestions,
        status,
        apiEnabled,
        null,
        null,
        null);
  }

  /** Applies this change to {@code app}, returning the new value. */
  public App applyTo(App app) {
    return new App(
        app.id(),
        name != null ? name : app.name(),
        description != null ? description : app.description(),
        app.mode(),
        modelSettings != null ? modelSettings : app.modelSettings(),
        systemPrompt != null ? systemPrompt : app.systemPrompt(),
        openingStatement != null ? openingStatement : app.openingStatement(),
        suggestedQuestions != null ? suggestedQuestions : app.suggestedQuestions(),
        status != null ? status : app.status(),
        apiEnabled != null ? apiEnabled : app.apiEnabled(),
        app.createdAt(),
        userInputForm != null ? userInputForm : app.userInputForm(),
        conversationVariables != null ? conversationVariables : app.conversationVariables(),
        maxActiveRequests != null ? maxActiveRequests : app.maxActiveRequests());
  }
}
