package dev.shortlease.domain.port.inmemory;

import dev.shortlease.domain.AgentThought;
import dev.shortlease.domain.AgentThoughtId;
import dev.shortlease.domain.Annotation;
import dev.shortlease.domain.AnnotationHit;
import dev.shortlease.domain.AnnotationId;
import dev.shortlease.domain.AnnotationIndex;
import dev.shortlease.domain.AnnotationJob;
import dev.shortlease.domain.AnnotationJobId;
import dev.shortlease.domain.AnnotationJobStatus;
import dev.shortlease.domain.AnnotationPage;
import dev.shortlease.domain.AnnotationReplyAction;
import dev.shortlease.domain.AnnotationReplySettings;
import dev.shortlease.domain.AnnotationText;
import dev.shortlease.domain.ApiKey;
import dev.shortlease.domain.ApiKeyHash;
import dev.shortlease.domain.ApiKeyId;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppFeedback;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMedia;
import dev.shortlease.domain.AppPatch;
import dev.shortlease.domain.AppUpdate;
import dev.shortlease.domain.AppWithKey;
import dev.shortlease.domain.AppWithMedia;
import dev.shortlease.domain.AppsPage;
import dev.shortlease.domain.ChatTurn;
import dev.shortlease.domain.ComputedEmbedding;
import dev.shortlease.domain.Conversation;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.ConversationStatus;
import dev.shortlease.domain.ConversationVariable;
import dev.shortlease.domain.ConversationVariableId;
import dev.shortlease.domain.EmbeddingVector;
import dev.shortlease.domain.EndUser;
import dev.shortlease.domain.EndUserId;
import dev.shortlease.domain.Feedback;
import dev.shortlease.domain.HistoryWindow;
import dev.shortlease.domain.IndexedAnnotation;
import dev.shortlease.domain.Message;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.MessageOutcome;
import dev.shortlease.domain.MessageStatus;
import dev.shortlease.domain.MessageWithThoughts;
import dev.shortlease.domain.NewApiKey;
import dev.shortlease.domain.NewApp;
import dev.shortlease.domain.NewTurn;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.Page;
import dev.shortlease.domain.PendingEmbedding;
import dev.shortlease.domain.StartedTurn;
import dev.shortlease.domain.StopRequest;
import dev.shortlease.domain.TokenUsage;
import dev.shortlease.domain.ToolInput;
import dev.shortlease.domain.VariableDeclaration;
import dev.shortlease.domain.VariableValue;
import dev.shortlease.domain.port.AgentThoughtsPort;
import dev.shortlease.domain.port.AnnotationIndexPort;
import dev.shortlease.domain.port.AnnotationJobsPort;
import dev.shortlease.domain.port.AnnotationsPort;
import dev.shortlease.domain.port.ApiKeysPort;
import dev.shortlease.domain.port.AppFeedbacksPort;
import dev.shortlease.domain.port.AppMediaPort;
import dev.shortlease.domain.port.AppSetupPort;
import dev.shortlease.domain.port.AppsPort;
import dev.shortlease.domain.port.ChatHistoryPort;
import dev.shortlease.domain.port.ConversationSort;
import dev.shortlease.domain.port.ConversationVariablesPort;
import dev.shortlease.domain.port.ConversationsPort;
import dev.shortlease.domain.port.EndUsersPort;
import dev.shortlease.domain.port.FinishMessagePort;
import dev.shortlease.domain.port.MessagesPort;
import dev.shortlease.domain.port.OwnerStats;
import dev.shortlease.domain.port.StartTurnPort;
import dev.shortlease.domain.port.StopRequestsPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory fake of every persistence port, for fast use-case tests and as the reference behaviour
 * the port contract tests pin down. One lock makes each method atomic, like the short transaction
 * of the real adapter.
 */
public final class InMemoryStore
    implements AppsPort,
        ApiKeysPort,
        AppMediaPort,
        AppSetupPort,
        EndUsersPort,
        StartTurnPort,
        ChatHistoryPort,
        FinishMessagePort,
        AgentThoughtsPort,
        ConversationsPort,
        MessagesPort,
        StopRequestsPort,
        ConversationVariablesPort,
        AppFeedbacksPort,
        AnnotationsPort,
        AnnotationIndexPort,
        AnnotationJobsPort {

  private final Clock clock;
  private final Map<AppId, App> apps = new LinkedHashMap<>();
  private final Map<ApiKeyId, ApiKey> keys = new LinkedHashMap<>();
  private final Map<AppId, AppMedia> media = new LinkedHashMap<>();
  private final Map<EndUserId, EndUser> endUsers = new LinkedHashMap<>();
  private final Map<ConversationId, Conversation> conversations = new LinkedHashMap<>();
  private final Map<MessageId, Message> messages = new LinkedHashMap<>();
  private final Map<MessageId, Instant> ratedAt = new HashMap<>();
  private final Map<AgentThoughtId, AgentThought> thoughts = new LinkedHashMap<>();
  private final Map<ConversationVariableId, ConversationVariable> variables = new LinkedHashMap<>();
  private final Map<StopRequest, Instant> stopTimes = new LinkedHashMap<>();
  private final Map<AnnotationId, StoredAnnotation> annotations = new LinkedHashMap<>();
  private final List<AnnotationHit> annotationHits = new ArrayList<>();
  private final Map<AppId, ReplySetting> replySettings = new LinkedHashMap<>();
  private final Map<AnnotationJobId, AnnotationJob> jobs = new LinkedHashMap<>();
  private Instant lastTick = Instant.EPOCH;

  public InMemoryStore() {
    this(Clock.systemUTC());
  }

  public InMemoryStore(Clock clock) {
    this.clock = clock;
  }

  /** Strictly increasing microsecond timestamps, so orderings are total as in the database. */
  private Instant now() {
    Instant t = clock.instant().truncatedTo(ChronoUnit.MICROS);
    lastTick = t.isAfter(lastTick) ? t : lastTick.plus(1, ChronoUnit.MICROS);
    return lastTick;
  }

  // --- apps and keys ---

  @Override
  public synchronized AppId createApp(NewApp n) {
    AppId id = AppId.random();
    apps.put(
        id,
        new App(
            id,
            n.name(),
            n.description(),
            n.mode(),
            n.modelSettings(),
            n.systemPrompt(),
            n.openingStatement(),
            n.suggestedQuestions(),
            n.status(),
            n.apiEnabled(),
            now(),
            n.userInputForm(),
            n.conversationVariables(),
            n.maxActiveRequests()));
    return id;
  }

  @Override
  public synchronized Optional<App> findApp(AppId id) {
    return Optional.ofNullable(apps.get(id));
  }

  @Override
  public synchronized List<App> listApps() {
    return List.copyOf(apps.values());
  }

  @Override
  public synchronized Optional<App> updateApp(AppId id, AppUpdate update) {
    return Optional.ofNullable(apps.computeIfPresent(id, (k, app) -> update.applyTo(app)));
  }

  @Override
  public synchronized ApiKeyId addKey(AppId appId, ApiKeyHash hash, String prefix) {
    if (!apps.containsKey(appId)) {
      throw new NotFoundException("app");
    }
    requireNewHash(hash);
    ApiKeyId id = ApiKeyId.random();
    keys.put(id, new ApiKey(id, appId, hash, prefix, now(), null));
    return id;
  }

  /** As the database's unique hash: a second key with a stored hash is refused. */
  private void requireNewHash(ApiKeyHash hash) {
    if (keys.values().stream().anyMatch(k -> k.hash().equals(hash))) {
      throw new IllegalStateException("api key hash already stored");
    }
  }

  /** Checks everything before writing anything: all or nothing, as the adapter's transaction. */
  @Override
  public synchronized AppWithKey createApp(NewApp n, NewApiKey firstKey, AppMedia switches) {
    requireNewHash(firstKey.hash());
    AppId id = createApp(n);
    ApiKeyId keyId = addKey(id, firstKey.hash(), firstKey.prefix());
    if (switches != null) {
      media.put(id, switches);
    }
    return new AppWithKey(apps.get(id), keyId);
  }

  /** The whole patch under the store's lock, applied to the current app and switches. */
  @Override
  public synchronized Optional<AppWithMedia> updateApp(AppId id, AppPatch patch) {
    App current = apps.get(id);
    if (current == null) {
      return Optional.empty();
    }
    App app = patch.applyTo(current);
    AppMedia switches = patch.applyTo(mediaOf(id));
    apps.put(id, app);
    if (patch.media() != null) {
      media.put(id, switches);
    }
    return Optional.of(new AppWithMedia(app, switches));
  }

  @Override
  public synchronized AppMedia mediaOf(AppId appId) {
    return media.getOrDefault(appId, AppMedia.OFF);
  }

  /** Test set-up: replaces the app's switches (the service changes them through a patch). */
  public synchronized void saveMedia(AppId appId, AppMedia switches) {
    media.put(appId, switches);
  }

  @Override
  public synchronized List<AppWithMedia> listAppsWithMedia() {
    return apps.values().stream().map(app -> new AppWithMedia(app, mediaOf(app.id()))).toList();
  }

  @Override
  public synchronized AppsPage pageAppsWithMedia(int page, int limit) {
    List<AppWithMedia> all = listAppsWithMedia();
    return new AppsPage(
        all.stream().skip((long) (page - 1) * limit).limit(limit).toList(),
        page,
        limit,
        all.size());
  }

  @Override
  public synchronized List<ApiKey> listKeys(AppId appId) {
    return keys.values().stream().filter(k -> k.appId().equals(appId)).toList();
  }

  @Override
  public synchronized boolean revokeKey(AppId appId, ApiKeyId keyId) {
    ApiKey key = keys.get(keyId);
    if (key == null || !key.appId().equals(appId) || !key.isActive()) {
      return false;
    }
    keys.put(
        keyId, new ApiKey(key.id(), key.appId(), key.hash(), key.prefix(), key.createdAt(), now()));
    return true;
  }

  @Override
  public synchronized Optional<AppId> findAppIdByKey(ApiKeyHash hash) {
    return keys.values().stream()
        .filter(k -> k.isActive() && k.hash().matches(hash))
        .map(ApiKey::appId)
        .findFirst();
  }

  // --- end users and the start of a turn ---

  @Override
  public synchronized Optional<EndUserId> findEndUser(AppId appId, String externalId) {
    return endUsers.values().stream()
        .filter(u -> u.appId().equals(appId) && u.externalId().equals(externalId))
        .map(EndUser::id)
        .findFirst();
  }

  @Override
  public synchronized Optional<EndUser> getEndUser(AppId appId, EndUserId id) {
    return Optional.ofNullable(endUsers.get(id)).filter(u -> u.appId().equals(appId));
  }

  @Override
  public synchronized StartedTurn startTurn(NewTurn turn) {
    if (!apps.containsKey(turn.appId())) {
      throw new NotFoundException("app");
    }
    Conversation existing = null;
    Optional<EndUserId> knownUser = findEndUser(turn.appId(), turn.user());
    if (turn.conversationId() != null) {
      existing =
          knownUser
              .map(u -> liveConversation(new Owner(turn.appId(), u), turn.conversationId()))
              .orElse(null);
      if (existing == null) {
        throw new NotFoundException("conversation");
      }
    }
    EndUserId userId =
        knownUser.orElseGet(
            () -> {
              EndUserId id = EndUserId.random();
              endUsers.put(id, new EndUser(id, turn.appId(), turn.user(), now()));
              return id;
            });
    Owner owner = new Owner(turn.appId(), userId);
    Instant now = now();
    ConversationId conversationId;
    if (existing == null) {
      conversationId = ConversationId.random();
      conversations.put(
          conversationId,
          new Conversation(
              conversationId, owner, "", turn.inputs(), ConversationStatus.NORMAL, now, now));
      for (VariableDeclaration d : turn.conversationVariables()) {
        ConversationVariableId id = ConversationVariableId.random();
        variables.put(
            id,
            new ConversationVariable(
                id, conversationId, d.name(), d.type(), d.value(), d.description(), now(), now));
      }
    } else {
      conversationId = existing.id();
      conversations.put(conversationId, withUpdatedAt(existing, now));
    }
    Map<String, Object> inputs = existing == null ? turn.inputs() : existing.inputs();
    MessageId messageId = MessageId.random();
    messages.put(
        messageId,
        new Message(
            messageId,
            conversationId,
            owner,
            turn.query(),
            inputs,
            "",
            MessageStatus.RUNNING,
            null,
            TokenUsage.NONE,
            null,
            null,
            now,
            now));
    return new StartedTurn(owner, conversationId, existing == null, messageId, now, inputs);
  }

  // --- history and finishing ---

  @Override
  public synchronized List<ChatTurn> loadHistory(
      Owner owner, ConversationId conversationId, MessageId current, HistoryWindow window) {
    if (liveConversation(owner, conversationId) == null) {
      return List.of();
    }
    List<Message> newestFirst =
        messagesOf(conversationId).stream()
            .filter(m -> !m.id().equals(current))
            .sorted(Comparator.comparing(Message::createdAt).reversed())
            .toList();
    return window.select(newestFirst);
  }

  @Override
  public synchronized boolean finishMessage(
      Owner owner, MessageId messageId, MessageOutcome outcome) {
    Message m = messages.get(messageId);
    boolean presumed =
        m != null
            && m.status() == MessageStatus.ERROR
            && MessageOutcome.isAbandonedMarker(m.error());
    if (m == null
        || !m.owner().equals(owner)
        || !(presumed || m.status().canBecome(outcome.status()))) {
      return false;
    }
    Instant now = now();
    messages.put(messageId, finished(m, outcome, now));
    Conversation c = conversations.get(m.conversationId());
    conversations.put(c.id(), withUpdatedAt(c, now));
    return true;
  }

  @Override
  public synchronized int failAbandoned(Duration olderThan, String error) {
    Instant now = now();
    Instant startedBefore = now.minus(olderThan);
    List<Message> abandoned =
        messages.values().stream()
            .filter(m -> m.status() == MessageStatus.RUNNING)
            .filter(m -> m.createdAt().isBefore(startedBefore))
            .toList();
    for (Message m : abandoned) {
      MessageOutcome outcome = MessageOutcome.failed(m.answer(), error, m.usage(), m.latency());
      messages.put(m.id(), finished(m, outcome, now));
    }
    return abandoned.size();
  }

  /**
   * Test support: the message's {@code createdAt} becomes this store's now minus {@code age}, as a
   * database test would set {@code created_at = current_timestamp - age}.
   */
  public synchronized void backdateMessage(MessageId id, Duration age) {
    Message m = messages.get(id);
    messages.put(
        id,
        new Message(
            m.id(),
            m.conversationId(),
            m.owner(),
            m.query(),
            m.inputs(),
            m.answer(),
            m.status(),
            m.error(),
            m.usage(),
            m.latency(),
            m.feedback(),
            now().minus(age),
            m.updatedAt()));
  }

  // --- agent thoughts ---

  @Override
  public synchronized AgentThoughtId addThought(
      Owner owner,
      MessageId messageId,
      int position,
      String thought,
      String tool,
      ToolInput toolInput,
      TokenUsage usage) {
    Message m = messages.get(messageId);
    if (m == null || !m.owner().equals(owner)) {
      throw new NotFoundException("message");
    }
    AgentThoughtId id = AgentThoughtId.random();
    thoughts.put(
        id,
        new AgentThought(
            id, messageId, position, thought, tool, toolInput, Map.of(), usage, now()));
    return id;
  }

  @Override
  public synchronized AgentThoughtId recordThought(
      Owner owner,
      AgentThoughtId thoughtId,
      String thought,
      String tool,
      ToolInput toolInput,
      TokenUsage usage) {
    AgentThought t = thoughts.get(thoughtId);
    if (t == null || !messages.get(t.messageId()).owner().equals(owner)) {
      throw new NotFoundException("agent thought");
    }
    thoughts.put(
        thoughtId,
        new AgentThought(
            t.id(),
            t.messageId(),
            t.position(),
            thought,
            tool,
            toolInput,
            t.observation(),
            usage,
            t.createdAt()));
    return thoughtId;
  }

  @Override
  public synchronized AgentThoughtId recordObservation(
      Owner owner, AgentThoughtId thoughtId, Map<String, String> observation) {
    AgentThought t = thoughts.get(thoughtId);
    if (t == null || !messages.get(t.messageId()).owner().equals(owner)) {
      throw new NotFoundException("agent thought");
    }
    thoughts.put(
        thoughtId,
        new AgentThought(
            t.id(),
            t.messageId(),
            t.position(),
            t.thought(),
            t.tool(),
            t.toolInput(),
            observation,
            t.usage(),
            t.createdAt()));
    return thoughtId;
  }

  // --- conversations ---

  @Override
  public synchronized Page<Conversation> listConversations(
      Owner owner, ConversationId lastId, int limit, ConversationSort sort) {
    Page.requireLimit(limit);
    Comparator<Conversation> order =
        switch (sort) {
          case CREATED_ASC -> Comparator.comparing(Conversation::createdAt);
          case CREATED_DESC -> Comparator.comparing(Conversation::createdAt).reversed();
          case UPDATED_ASC -> Comparator.comparing(Conversation::updatedAt);
          case UPDATED_DESC -> Comparator.comparing(Conversation::updatedAt).reversed();
        };
    List<Conversation> all =
        conversations.values().stream()
            .filter(c -> c.owner().equals(owner) && c.status() == ConversationStatus.NORMAL)
            .sorted(order)
            .toList();
    int start = 0;
    if (lastId != null) {
      int index = all.stream().map(Conversation::id).toList().indexOf(lastId);
      if (index < 0) {
        throw new NotFoundException("last Conversation");
      }
      start = index + 1;
    }
    List<Conversation> rest = all.subList(start, all.size());
    return new Page<>(rest.stream().limit(limit).toList(), rest.size() > limit);
  }

  @Override
  public synchronized Optional<Conversation> findConversation(Owner owner, ConversationId id) {
    return Optional.ofNullable(liveConversation(owner, id));
  }

  @Override
  public synchronized Optional<Conversation> renameConversation(
      Owner owner, ConversationId id, String name) {
    Conversation c = liveConversation(owner, id);
    if (c == null) {
      return Optional.empty();
    }
    Conversation renamed = withName(c, Conversation.requireName(name), now());
    conversations.put(id, renamed);
    return Optional.of(renamed);
  }

  @Override
  public synchronized boolean nameIfUnnamed(Owner owner, ConversationId id, String name) {
    Conversation c = liveConversation(owner, id);
    if (c == null || !c.name().isEmpty()) {
      return false;
    }
    conversations.put(id, withName(c, Conversation.requireName(name), c.updatedAt()));
    return true;
  }

  @Override
  public synchronized boolean deleteConversation(Owner owner, ConversationId id) {
    Conversation c = liveConversation(owner, id);
    if (c == null) {
      return false;
    }
    conversations.put(
        id,
        new Conversation(
            c.id(),
            c.owner(),
            c.name(),
            c.inputs(),
            ConversationStatus.DELETED,
            c.createdAt(),
            now()));
    return true;
  }

  @Override
  public synchronized OwnerStats statsFor(Owner owner) {
    List<Message> mine =
        messages.values().stream()
            .filter(m -> m.owner().equals(owner))
            .filter(m -> liveConversation(owner, m.conversationId()) != null)
            .toList();
    long liveConversations =
        conversations.values().stream()
            .filter(c -> c.owner().equals(owner) && c.status() == ConversationStatus.NORMAL)
            .count();
    long tokens = mine.stream().mapToLong(m -> m.usage().totalTokens()).sum();
    return new OwnerStats(liveConversations, mine.size(), tokens);
  }

  // --- messages ---

  @Override
  public synchronized Page<MessageWithThoughts> listMessages(
      Owner owner, ConversationId conversationId, MessageId firstId, int limit) {
    Page.requireLimit(limit);
    if (liveConversation(owner, conversationId) == null) {
      throw new NotFoundException("conversation");
    }
    List<Message> oldestFirst =
        messagesOf(conversationId).stream()
            .sorted(Comparator.comparing(Message::createdAt))
            .toList();
    int end = oldestFirst.size();
    if (firstId != null) {
      end = oldestFirst.stream().map(Message::id).toList().indexOf(firstId);
      if (end < 0) {
        throw new NotFoundException("first Message");
      }
    }
    int start = Math.max(0, end - limit);
    List<MessageWithThoughts> page =
        oldestFirst.subList(start, end).stream()
            .map(m -> new MessageWithThoughts(m, thoughtsOf(m.id())))
            .toList();
    return new Page<>(page, start > 0);
  }

  @Override
  public synchronized Optional<Message> findMessage(Owner owner, MessageId id) {
    Message m = messages.get(id);
    if (m == null
        || !m.owner().equals(owner)
        || liveConversation(owner, m.conversationId()) == null) {
      return Optional.empty();
    }
    return Optional.of(m);
  }

  @Override
  public synchronized Optional<String> firstQuery(Owner owner, ConversationId conversationId) {
    if (liveConversation(owner, conversationId) == null) {
      throw new NotFoundException("conversation");
    }
    return messagesOf(conversationId).stream()
        .min(Comparator.comparing(Message::createdAt))
        .map(Message::query);
  }

  @Override
  public synchronized boolean setFeedback(Owner owner, MessageId id, Feedback feedback) {
    Optional<Message> found = findMessage(owner, id);
    found.ifPresent(
        m ->
            messages.put(
                id,
                new Message(
                    m.id(),
                    m.conversationId(),
                    m.owner(),
                    m.query(),
                    m.inputs(),
                    m.answer(),
                    m.status(),
                    m.error(),
                    m.usage(),
                    m.latency(),
                    feedback,
                    m.createdAt(),
                    now())));
    if (found.isPresent() && feedback == null) {
      ratedAt.remove(id);
    } else if (found.isPresent()) {
      ratedAt.put(id, now());
    }
    return found.isPresent();
  }

  @Override
  public synchronized List<AppFeedback> listFeedbacks(AppId appId, int page, int limit) {
    return messages.values().stream()
        .filter(m -> m.owner().appId().equals(appId) && m.feedback() != null)
        .sorted(Comparator.comparing((Message m) -> ratedAt.get(m.id())).reversed())
        .skip((long) (page - 1) * limit)
        .limit(limit)
        .map(
            m ->
                new AppFeedback(
                    m.id(),
                    m.conversationId(),
                    m.owner().endUserId(),
                    m.feedback(),
                    ratedAt.get(m.id())))
        .toList();
  }

  // --- conversation variables ---

  @Override
  public synchronized Page<ConversationVariable> listVariables(
      Owner owner,
      ConversationId conversationId,
      ConversationVariableId lastId,
      int limit,
      String nameContains) {
    Page.requireLimit(limit);
    if (liveConversation(owner, conversationId) == null) {
      throw new NotFoundException("conversation");
    }
    List<ConversationVariable> all =
        variables.values().stream()
            .filter(v -> v.conversationId().equals(conversationId))
            .filter(
                v ->
                    nameContains == null
                        || v.name()
                            .toLowerCase(Locale.ROOT)
                            .contains(nameContains.toLowerCase(Locale.ROOT)))
            .toList();
    int start = 0;
    if (lastId != null) {
      start = all.stream().map(ConversationVariable::id).toList().indexOf(lastId) + 1;
      if (start == 0) {
        throw new NotFoundException("last_id");
      }
    }
    int end = Math.min(all.size(), start + limit);
    return new Page<>(all.subList(start, end), end < all.size());
  }

  @Override
  public synchronized Optional<ConversationVariable> findVariable(
      Owner owner, ConversationId conversationId, ConversationVariableId id) {
    return Optional.ofNullable(variables.get(id))
        .filter(v -> v.conversationId().equals(conversationId))
        .filter(v -> liveConversation(owner, conversationId) != null);
  }

  @Override
  public synchronized Optional<ConversationVariable> setVariable(
      Owner owner, ConversationId conversationId, ConversationVariableId id, VariableValue value) {
    return findVariable(owner, conversationId, id)
        .map(
            v -> {
              ConversationVariable changed =
                  new ConversationVariable(
                      v.id(),
                      v.conversationId(),
                      v.name(),
                      v.type(),
                      value.value(),
                      v.description(),
                      v.createdAt(),
                      now());
              variables.put(id, changed);
              return changed;
            });
  }

  // --- annotations (as AnnotationsAdapter) ---

  /** An annotation row: the annotation and its vector, which exists only with its model key. */
  private record StoredAnnotation(
      Annotation annotation, EmbeddingVector embedding, String modelKey) {}

  /** An {@code annotation_reply_setting} row: kept, switched off, when reply is disabled. */
  private record ReplySetting(AnnotationReplySettings settings, boolean enabled, long version) {
    ReplySetting bumped() {
      return new ReplySetting(settings, enabled, version + 1);
    }
  }

  /** Newest first, then by ID as the database orders UUIDs (unsigned, byte by byte). */
  private static final Comparator<StoredAnnotation> NEWEST_FIRST =
      Comparator.comparing((StoredAnnotation a) -> a.annotation().createdAt())
          .thenComparing(a -> a.annotation().id().value().toString())
          .reversed();

  @Override
  public synchronized AnnotationPage listAnnotations(
      AppId app, int page, int limit, String keyword) {
    // like the adapter: only an empty keyword means no filter; it is taken literally
    String needle = keyword.toLowerCase(Locale.ROOT);
    List<Annotation> matching =
        annotations.values().stream()
            .filter(a -> a.annotation().appId().equals(app))
            .filter(
                a ->
                    keyword.isEmpty()
                        || a.annotation()
                            .text()
                            .question()
                            .toLowerCase(Locale.ROOT)
                            .contains(needle)
                        || a.annotation().text().answer().toLowerCase(Locale.ROOT).contains(needle))
            .sorted(NEWEST_FIRST)
            .map(StoredAnnotation::annotation)
            .toList();
    List<Annotation> items =
        matching.stream().skip((long) (page - 1) * limit).limit(limit).toList();
    return new AnnotationPage(items, matching.size());
  }

  @Override
  public synchronized Annotation createAnnotation(AppId app, AnnotationText text) {
    if (!apps.containsKey(app)) {
      throw new NotFoundException("app");
    }
    Annotation created = new Annotation(AnnotationId.random(), app, text, 0, now());
    annotations.put(created.id(), new StoredAnnotation(created, null, null));
    return created;
  }

  @Override
  public synchronized Optional<Annotation> updateAnnotation(
      AppId app, AnnotationId id, AnnotationText text) {
    StoredAnnotation found = annotationOf(app, id);
    if (found == null) {
      return Optional.empty();
    }
    Annotation a = found.annotation();
    Annotation updated = new Annotation(a.id(), a.appId(), text, a.hitCount(), a.createdAt());
    boolean sameQuestion = a.text().question().equals(text.question());
    annotations.put(
        id,
        sameQuestion
            ? new StoredAnnotation(updated, found.embedding(), found.modelKey())
            : new StoredAnnotation(updated, null, null));
    bumpIndexVersion(app);
    return Optional.of(updated);
  }

  @Override
  public synchronized boolean deleteAnnotation(AppId app, AnnotationId id) {
    if (annotationOf(app, id) == null) {
      return false;
    }
    annotationHits.removeIf(h -> h.annotationId().equals(id));
    annotations.remove(id);
    bumpIndexVersion(app);
    return true;
  }

  @Override
  public synchronized Optional<Annotation> recordHit(AnnotationHit hit) {
    StoredAnnotation found = annotationOf(hit.owner().appId(), hit.annotationId());
    if (found == null) {
      return Optional.empty();
    }
    Annotation a = found.annotation();
    Annotation counted =
        new Annotation(a.id(), a.appId(), a.text(), a.hitCount() + 1, a.createdAt());
    annotations.put(a.id(), new StoredAnnotation(counted, found.embedding(), found.modelKey()));
    annotationHits.add(hit);
    return Optional.of(counted);
  }

  // --- annotation index (as AnnotationIndexAdapter) ---

  @Override
  public synchronized Optional<AnnotationReplySettings> findReplySettings(AppId app) {
    return enabledSetting(app).map(ReplySetting::settings);
  }

  @Override
  public synchronized Optional<AnnotationIndex> readIndex(
      AppId app, long knownVersion, int maxVectors) {
    return enabledSetting(app)
        .map(
            row -> {
              if (row.version() == knownVersion) {
                return new AnnotationIndex(row.settings(), row.version(), false, List.of(), false);
              }
              List<IndexedAnnotation> vectors =
                  annotations.values().stream()
                      .filter(a -> a.annotation().appId().equals(app))
                      .filter(a -> row.settings().modelKey().equals(a.modelKey()))
                      .sorted(NEWEST_FIRST)
                      .limit(maxVectors + 1L)
                      .map(a -> new IndexedAnnotation(a.annotation().id(), a.embedding()))
                      .toList();
              boolean truncated = vectors.size() > maxVectors;
              return new AnnotationIndex(
                  row.settings(),
                  row.version(),
                  true,
                  truncated ? vectors.subList(0, maxVectors) : vectors,
                  truncated);
            });
  }

  @Override
  public synchronized List<PendingEmbedding> annotationsToEmbed(
      AppId app, String modelKey, int limit) {
    return annotations.values().stream()
        .filter(a -> a.annotation().appId().equals(app))
        .filter(a -> !modelKey.equals(a.modelKey()))
        .sorted(NEWEST_FIRST.reversed())
        .limit(limit)
        .map(a -> new PendingEmbedding(a.annotation().id(), a.annotation().text().question()))
        .toList();
  }

  @Override
  public synchronized int storeEmbeddings(
      AppId app, String modelKey, List<ComputedEmbedding> embeddings) {
    int stored = 0;
    for (ComputedEmbedding e : embeddings) {
      StoredAnnotation found = annotationOf(app, e.id());
      if (found != null && found.annotation().text().question().equals(e.question())) {
        annotations.put(e.id(), new StoredAnnotation(found.annotation(), e.vector(), modelKey));
        stored++;
      }
    }
    if (stored > 0) {
      bumpIndexVersion(app);
    }
    return stored;
  }

  @Override
  public synchronized void saveReplySettings(AppId app, AnnotationReplySettings settings) {
    if (!apps.containsKey(app)) {
      throw new NotFoundException("app");
    }
    ReplySetting found = replySettings.get(app);
    replySettings.put(
        app, new ReplySetting(settings, true, found == null ? 0 : found.version() + 1));
  }

  @Override
  public synchronized void removeReplySettings(AppId app) {
    ReplySetting found = replySettings.get(app);
    if (found != null) {
      replySettings.put(app, new ReplySetting(found.settings(), false, found.version() + 1));
    }
  }

  /** The app's annotation, or null when there is none of this app with this ID. */
  private StoredAnnotation annotationOf(AppId app, AnnotationId id) {
    StoredAnnotation found = annotations.get(id);
    return found != null && found.annotation().appId().equals(app) ? found : null;
  }

  private Optional<ReplySetting> enabledSetting(AppId app) {
    return Optional.ofNullable(replySettings.get(app)).filter(ReplySetting::enabled);
  }

  /** Moves the app's index version, enabled or not; nothing when reply was never on. */
  private void bumpIndexVersion(AppId app) {
    replySettings.computeIfPresent(app, (id, row) -> row.bumped());
  }

  /**
   * Test support: the job's {@code updatedAt} becomes this store's now minus {@code age}, as a
   * database test would set {@code updated_at = current_timestamp - age}.
   */
  public synchronized void backdateJob(AnnotationJobId id, Duration age) {
    AnnotationJob j = jobs.get(id);
    jobs.put(
        id,
        new AnnotationJob(
            j.id(), j.appId(), j.action(), j.status(), j.errorMessage(), now().minus(age), false));
  }

  // --- annotation reply jobs (this store's clock judges their age) ---

  @Override
  public synchronized AnnotationJob startJob(
      AnnotationJobId id, AppId app, AnnotationReplyAction action, Duration staleAfter) {
    if (!apps.containsKey(app)) {
      throw new NotFoundException("app");
    }
    Instant now = now();
    Optional<AnnotationJob> active =
        jobs.values().stream()
            .filter(j -> j.appId().equals(app) && j.action() == action)
            .filter(j -> j.status().isActive() && j.updatedAt().isAfter(now.minus(staleAfter)))
            .max(Comparator.comparing(AnnotationJob::updatedAt));
    if (active.isPresent()) {
      return active.get();
    }
    AnnotationJob job =
        new AnnotationJob(id, app, action, AnnotationJobStatus.WAITING, "", now, false);
    jobs.put(id, job);
    return job;
  }

  @Override
  public synchronized boolean updateJob(
      AnnotationJobId id, AnnotationJobStatus status, String errorMessage) {
    AnnotationJob job = jobs.get(id);
    if (job == null) {
      return false;
    }
    jobs.put(
        id, new AnnotationJob(id, job.appId(), job.action(), status, errorMessage, now(), false));
    return true;
  }

  @Override
  public synchronized Optional<AnnotationJob> findJob(
      AppId app, AnnotationJobId id, Duration staleAfter) {
    Instant now = now();
    return Optional.ofNullable(jobs.get(id))
        .filter(j -> j.appId().equals(app))
        .map(
            j ->
                new AnnotationJob(
                    j.id(),
                    j.appId(),
                    j.action(),
                    j.status(),
                    j.errorMessage(),
                    j.updatedAt(),
                    j.status().isActive() && j.updatedAt().isBefore(now.minus(staleAfter))));
  }

  // --- helpers ---

  private Conversation liveConversation(Owner owner, ConversationId id) {
    Conversation c = conversations.get(id);
    return c != null && c.owner().equals(owner) && c.status() == ConversationStatus.NORMAL
        ? c
        : null;
  }

  private List<Message> messagesOf(ConversationId id) {
    return messages.values().stream().filter(m -> m.conversationId().equals(id)).toList();
  }

  private List<AgentThought> thoughtsOf(MessageId id) {
    return thoughts.values().stream()
        .filter(t -> t.messageId().equals(id))
        .sorted(Comparator.comparingInt(AgentThought::position))
        .toList();
  }

  private static Message finished(Message m, MessageOutcome o, Instant now) {
    return new Message(
        m.id(),
        m.conversationId(),
        m.owner(),
        m.query(),
        m.inputs(),
        o.answer(),
        o.status(),
        o.error(),
        o.usage(),
        o.latency(),
        m.feedback(),
        m.createdAt(),
        now);
  }

  private static Conversation withUpdatedAt(Conversation c, Instant now) {
    return new Conversation(
        c.id(), c.owner(), c.name(), c.inputs(), c.status(), c.createdAt(), now);
  }

  private static Conversation withName(Conversation c, String name, Instant updatedAt) {
    return new Conversation(
        c.id(), c.owner(), name, c.inputs(), c.status(), c.createdAt(), updatedAt);
  }

  @Override
  public synchronized void requestStop(StopRequest request) {
    stopTimes.put(request, now());
  }

  @Override
  public synchronized List<StopRequest> recentAmong(
      Collection<StopRequest> candidates, Duration window) {
    Instant since = now().minus(window);
    return candidates.stream()
        .distinct()
        .filter(c -> stopTimes.containsKey(c) && stopTimes.get(c).isAfter(since))
        .toList();
  }

  @Override
  public synchronized int forgetOlderThan(Duration age) {
    Instant before = now().minus(age);
    int size = stopTimes.size();
    stopTimes.values().removeIf(at -> at.isBefore(before));
    return size - stopTimes.size();
  }
}
