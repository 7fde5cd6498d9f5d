package dev.shortlease.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An LLM app as configured by its owner: what it is, how it answers, whether it is open.
 *
 * @param maxActiveRequests chats (and {@code /suggested} calls) of this app that may run at once on
 *     one instance; {@code 0} = unlimited, {@code null} = the service's default
 */
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
    List<VariableDeclaration> conversationVariables,
    Integer maxActiveRequests) {

  /** The largest value {@code max_active_requests} may take. */
  public static final int MAX_ACTIVE_REQUESTS_LIMIT = 1_000_000;

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
    requireActiveRequestLimit(maxActiveRequests);
  }

  /**
   * An app with its mode's default form, no conversation variables, and the service's default
   * active-request limit.
   */
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
        null,
        null);
  }

  static void requireActiveRequestLimit(Integer limit) {
    if (limit != null && (limit < 0 || limit > MAX_ACTIVE_REQUESTS_LIMIT)) {
      throw new InvalidInputException(
          "max_active_requests",
          "must be within 0.." + MAX_ACTIVE_REQUESTS_LIMIT + " (0 = unlimited)");
    }
  }

  /** This app with {@code settings} as its model settings, everything else as it is. */
  public App withModelSettings(ModelSettings settings) {
    return new App(
        id,
        name,
        description,
        mode,
        settings,
        systemPrompt,
        openingStatement,
        suggestedQuestions,
        status,
        apiEnabled,
        createdAt,
        userInputForm,
        conversationVariables,
        maxActiveRequests);
  }

  /** True when requests with this app's key may be served. */
  public boolean isServing() {
    return status == AppStatus.NORMAL && apiEnabled;
  }
}
