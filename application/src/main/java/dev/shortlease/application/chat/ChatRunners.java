package dev.shortlease.application.chat;

import dev.shortlease.application.ChatSettings;
import dev.shortlease.application.agent.Tool;
import dev.shortlease.application.annotation.AnnotationReplier;
import dev.shortlease.application.conversation.ConversationNamer;
import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.port.out.FileStorePort;
import dev.shortlease.application.port.out.RemoteImagePort;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.port.AgentThoughtsPort;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Builds the runner for a message: annotation reply first (chat modes), then the generator its
 * app's mode needs, and the final save.
 */
public final class ChatRunners {
  private final FinalSave finalSave;
  private final RunRegistry registry;
  private final ConversationNamer namer;
  private final ChatSettings settings;
  private final AnswerGenerator singleTurn;
  private final AnswerGenerator agent;

  @Inject
  public ChatRunners(
      ChatModelPort model,
      FinalSave finalSave,
      AgentThoughtsPort thoughts,
      Set<Tool> tools,
      RunRegistry registry,
      ConversationNamer namer,
      ChatSettings settings,
      AnnotationReplier annotations,
      FileStorePort files,
      RemoteImagePort remoteImages) {
    this.finalSave = finalSave;
    this.registry = registry;
    this.namer = namer;
    this.settings = settings;
    List<Tool> ordered = tools.stream().sorted(Comparator.comparing(Tool::name)).toList();
    // An annotation reply answers without the model, so images are read only after it missed.
    this.singleTurn =
        new AnnotationReplyGenerator(
            new VisionInput(new SingleTurnGenerator(model), model, files, remoteImages),
            annotations);
    this.agent =
        new AnnotationReplyGenerator(
            new VisionInput(
                new AgentLoop(model, thoughts, ordered, settings.maxAgentIterations()),
                model,
                files,
                remoteImages),
            annotations);
  }

  Runnable create(ChatContext context, RunningChat run) {
    AnswerGenerator generator = context.app().mode() == AppMode.AGENT_CHAT ? agent : singleTurn;
    return new ChatRunner(
        context, run, generator, finalSave, registry, namer, settings.executionTimeLimit());
  }
}
