package dev.shortlease.application.testing;

import dev.shortlease.application.ChatExecutor;
import dev.shortlease.application.ChatSettings;
import dev.shortlease.application.LimitSettings;
import dev.shortlease.application.ReliabilitySettings;
import dev.shortlease.application.StopRelaySettings;
import dev.shortlease.application.agent.ConversationStatsTool;
import dev.shortlease.application.agent.CurrentTimeTool;
import dev.shortlease.application.agent.Tool;
import dev.shortlease.application.annotation.AnnotationReplier;
import dev.shortlease.application.chat.ChatFiles;
import dev.shortlease.application.chat.ChatRunners;
import dev.shortlease.application.chat.FinalSave;
import dev.shortlease.application.chat.RunLauncher;
import dev.shortlease.application.chat.RunRegistry;
import dev.shortlease.application.chat.SaveOutageLog;
import dev.shortlease.application.chat.SendMessageService;
import dev.shortlease.application.chat.StopGenerationService;
import dev.shortlease.application.chat.StopRelayBudget;
import dev.shortlease.application.chat.TurnHistory;
import dev.shortlease.application.chat.TurnStarter;
import dev.shortlease.application.conversation.ConversationNamer;
import dev.shortlease.application.limits.ActiveRequests;
import dev.shortlease.application.limits.ModelSideCalls;
import dev.shortlease.application.port.in.ChatEvent;
import dev.shortlease.application.port.in.ChatRun;
import dev.shortlease.application.port.in.ResponseMode;
import dev.shortlease.application.port.in.SendMessageCommand;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.Message;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.NewApp;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.port.ChatHistoryPort;
import dev.shortlease.domain.port.FinishMessagePort;
import dev.shortlease.domain.port.StartTurnPort;
import dev.shortlease.domain.port.inmemory.InMemoryAnswerSpool;
import dev.shortlease.domain.port.inmemory.InMemoryStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The chat use cases wired by hand on the in-memory store and a {@link ScriptedChatModel}, with
 * helpers to send, drain events and read what was saved. Short timeouts keep tests fast.
 */
public final class ChatTestKit {
  public static final Duration WAIT = Duration.ofSeconds(5);

  public final InMemoryStore store = new InMemoryStore();
  public final ScriptedChatModel model = new ScriptedChatModel();
  public final RunRegistry registry = new RunRegistry();
  public final InMemoryAnswerSpool spool = new InMemoryAnswerSpool();
  public final InMemoryFiles files = new InMemoryFiles(store);
  public final ScriptedRemoteImages remoteImages = new ScriptedRemoteImages();
  public final ActiveRequests active = new ActiveRequests(LimitSettings.DEFAULTS);
  public final ModelSideCalls sideCalls = new ModelSideCalls(LimitSettings.DEFAULTS);
  public final ChatSettings settings;
  public final ReliabilitySettings reliability;
  public final FinalSave finalSave;
  public final ConversationNamer namer;
  public final ChatRunners runners;
  public final SendMessageService sender;
  public final StopGenerationService stopper;

  public ChatTestKit() {
    this(ChatSettings.defaults(), Set.of());
  }

  public ChatTestKit(ChatSettings settings) {
    this(settings, Set.of());
  }

  public ChatTestKit(ChatSettings settings, Set<Tool> extraTools) {
    this(settings, extraTools, ReliabilitySettings.forPool(10));
  }

  public ChatTestKit(ChatSettings settings, Set<Tool> extraTools, ReliabilitySettings reliability) {
    this.settings = settings;
    this.reliability = reliability;
    this.finalSave =
        new FinalSave(
            store,
            store,
            spool,
            registry,
            ChatExecutor.virtualThreads(),
            reliability,
            new SaveOutageLog());
    this.namer = new ConversationNamer(store, store, store, model, sideCalls);
    Set<Tool> tools = new HashSet<>(extraTools);
    tools.add(new CurrentTimeTool());
    tools.add(new ConversationStatsTool(store));
    this.runners =
        new ChatRunners(
            model,
            finalSave,
            store,
            tools,
            registry,
            namer,
            settings,
            AnnotationReplier.none(),
            files,
            remoteImages);
    this.sender = senderWith(store, ReliabilitySettings.forPool(10));
    this.stopper =
        new StopGenerationService(
            registry, store, new StopRelayBudget(StopRelaySettings.defaults()));
  }

  /**
   * A sender whose chat starts save through {@code startTurn} (T2: one that stalls or fails, say)
   * and whose admission follows {@code reliability}; {@link #sender} is the store's, on a pool of
   * 10.
   */
  public SendMessageService senderWith(StartTurnPort startTurn, ReliabilitySettings reliability) {
    return senderWith(startTurn, reliability, ChatExecutor.virtualThreads());
  }

  /** A sender whose runs start on {@code executor} (one that refuses or fails, say). */
  public SendMessageService senderOn(ChatExecutor executor) {
    return senderWith(store, ReliabilitySettings.forPool(10), executor);
  }

  private SendMessageService senderWith(
      StartTurnPort startTurn, ReliabilitySettings reliability, ChatExecutor executor) {
    return senderWith(startTurn, store, store, runners, executor, reliability);
  }

  /**
   * A sender on the kit's store, active-request limits and files whose T2, T3, ending of an
   * unstarted message, runners and executor are the given ones (one that fails, say).
   */
  public SendMessageService senderWith(
      StartTurnPort startTurn,
      ChatHistoryPort history,
      FinishMessagePort finish,
      ChatRunners runners,
      ChatExecutor executor,
      ReliabilitySettings reliability) {
    return new SendMessageService(
        store,
        active,
        chatFiles(),
        new TurnStarter(startTurn, files, finish, reliability),
        new TurnHistory(history, settings),
        new RunLauncher(registry, runners, executor, settings));
  }

  /** The files of chat requests, checked against {@link #files} and the store's end users. */
  public ChatFiles chatFiles() {
    return new ChatFiles(files, store, files);
  }

  public App app(AppMode mode) {
    AppId id =
        store.createApp(new NewApp("test " + mode, null, mode, null, "Be brief.", null, null));
    return store.findApp(id).orElseThrow();
  }

  public ChatRun chat(App app, String user, String query, ConversationId conversationId) {
    return sender.send(
        new SendMessageCommand(
            app.id(), user, query, Map.of(), conversationId, ResponseMode.STREAMING, false, false));
  }

  public ChatRun chatNamed(App app, String user, String query) {
    return sender.send(
        new SendMessageCommand(
            app.id(), user, query, Map.of(), null, ResponseMode.STREAMING, true, false));
  }

  /** Reads events as they come until the terminal one; fails the test after {@link #WAIT}. */
  public static List<ChatEvent> drain(ChatRun run) throws InterruptedException {
    List<ChatEvent> events = new ArrayList<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<ChatEvent> event = run.nextEvent(Duration.ofMillis(50));
      if (event.isPresent()) {
        events.add(event.get());
        if (event.get().isTerminal()) {
          return events;
        }
      }
    }
    throw new AssertionError("no terminal event within " + WAIT + "; got " + events);
  }

  public static String text(List<ChatEvent> events) {
    StringBuilder text = new StringBuilder();
    events.stream()
        .filter(e -> e instanceof ChatEvent.TextChunk)
        .forEach(e -> text.append(((ChatEvent.TextChunk) e).text()));
    return text.toString();
  }

  public Owner owner(AppId appId, String user) {
    return new Owner(appId, store.findEndUser(appId, user).orElseThrow());
  }

  public Message message(AppId appId, String user, MessageId id) {
    return store.findMessage(owner(appId, user), id).orElseThrow();
  }

  /** Waits until no run is registered (every T4 done). */
  public void awaitIdle() throws InterruptedException {
    if (!registry.awaitAllEnded(WAIT)) {
      throw new AssertionError("runs still running: " + registry.runningCount());
    }
  }
}
