package dev.shortlease.domain;

/**
 * What kind of app answers: a chat, a tool-using agent chat, or a one-shot completion. The web
 * adapter maps these to Dify's wire names and the persistence adapter to its stored values.
 */
public enum AppMode {
  CHAT,
  AGENT_CHAT,
  COMPLETION;

  public boolean isConversational() {
    return this != COMPLETION;
  }
}
