package dev.shortlease.application.chat;

import dev.shortlease.application.port.out.ModelImage;
import dev.shortlease.domain.App;
import dev.shortlease.domain.ChatTurn;
import dev.shortlease.domain.MessageFile;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.StartedTurn;
import java.util.List;
import java.util.Objects;

/**
 * Everything a run needs, copied into memory by T1–T3 before the model is called: the app's
 * configuration, the IDs T2 returned, the query, and the history window. Immutable, so the runner
 * needs no session.
 *
 * @param files the files the user attached (metadata; bytes are read by {@link VisionInput})
 * @param images the attached images as the model sees them, once read (empty before)
 * @param autoName name the conversation after this first answer
 * @param startNanos {@link System#nanoTime()} when the request arrived, for the latency
 */
record ChatContext(
    App app,
    StartedTurn turn,
    String query,
    List<ChatTurn> history,
    List<MessageFile> files,
    List<ModelImage> images,
    boolean autoName,
    long startNanos) {

  ChatContext {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(turn, "turn");
    Objects.requireNonNull(query, "query");
    history = List.copyOf(history);
    files = List.copyOf(files);
    images = List.copyOf(images);
  }

  ChatContext withImages(List<ModelImage> read) {
    return new ChatContext(app, turn, query, history, files, read, autoName, startNanos);
  }

  Owner owner() {
    return turn.owner();
  }
}
