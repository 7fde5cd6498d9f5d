package dev.shortlease.domain;

/** One finished exchange of a conversation, copied into memory as model context. */
public record ChatTurn(String query, String answer) {
  public ChatTurn {
    query = query == null ? "" : query;
    answer = answer == null ? "" : answer;
  }
}
