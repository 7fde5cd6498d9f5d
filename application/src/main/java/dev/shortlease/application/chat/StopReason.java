package dev.shortlease.application.chat;

/** Why a run was asked to stop; every reason ends the message as {@code stopped} (rule R5). */
enum StopReason {
  USER,
  CLIENT_DISCONNECT,
  TIME_LIMIT,
  SHUTDOWN
}
