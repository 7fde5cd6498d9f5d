package dev.shortlease.domain;

/** How a chat request hands a file over: an earlier upload's ID, or a URL the model may fetch. */
public enum FileTransfer {
  LOCAL_FILE,
  REMOTE_URL
}
