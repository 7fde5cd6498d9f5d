package dev.shortlease.adapter.persistence;

import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.domain.AnnotationHit;
import dev.shortlease.domain.AnnotationJobId;
import dev.shortlease.domain.AnnotationJobStatus;
import dev.shortlease.domain.AnnotationReplyAction;
import dev.shortlease.domain.AnnotationReplySettings;
import dev.shortlease.domain.AnnotationText;
import dev.shortlease.domain.ApiKeyHash;
import dev.shortlease.domain.AppMedia;
import dev.shortlease.domain.AppMediaPatch;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.AppPatch;
import dev.shortlease.domain.AppUpdate;
import dev.shortlease.domain.ComputedEmbedding;
import dev.shortlease.domain.EmbeddingVector;
import dev.shortlease.domain.Feedback;
import dev.shortlease.domain.FileKind;
import dev.shortlease.domain.HistoryWindow;
import dev.shortlease.domain.MessageFile;
import dev.shortlease.domain.MessageOutcome;
import dev.shortlease.domain.ModelSettingsPatch;
import dev.shortlease.domain.NewApiKey;
import dev.shortlease.domain.NewApp;
import dev.shortlease.domain.NewTurn;
import dev.shortlease.domain.Rating;
import dev.shortlease.domain.StartedTurn;
import dev.shortlease.domain.StopRequest;
import dev.shortlease.domain.TaskId;
import dev.shortlease.domain.ToolInput;
import dev.shortlease.domain.UploadFileId;
import dev.shortlease.domain.UploadedFile;
import dev.shortlease.domain.VariableDeclaration;
import dev.shortlease.domain.VariableType;
import dev.shortlease.domain.VariableValue;
import dev.shortlease.domain.port.AppFeedbacksPort;
import dev.shortlease.domain.port.AppMediaPort;
import dev.shortlease.domain.port.ConversationSort;
import dev.shortlease.domain.port.ConversationVariablesPort;
import dev.shortlease.domain.port.MessageFilesPort;
import dev.shortlease.domain.port.StopRequestsPort;
import dev.shortlease.domain.port.UploadsPort;
import dev.shortlease.domain.port.contract.PortSet;
import dev.shortlease.guardrails.testkit.PlainValues;
import dev.shortlease.guardrails.testkit.PoolHygiene;
import dev.shortlease.guardrails.testkit.PortChecks;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * After every port call the pool is idle (no connection checked out on any thread, HikariCP's
 * active count 0), nothing returned is, or contains, an entity, a Hibernate object or an adapter
 * class (rules R1 and R3), and every port method speaks plain values. The checks are the guardrails
 * test kit's ({@link PoolHygiene}, {@link PortChecks}); this class only lists the calls.
 */
@PostgresTest
class ConnectionHygieneTest {

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"h2", "postgres"})
  @DisplayName("every port method returns with an idle pool and only plain values")
  void everyPortCallLeavesPoolIdle(String database) {
    PersistenceContext context =
        database.equals("h2") ? SharedContexts.h2() : SharedContexts.postgres();
    PoolHygiene hygiene =
        PoolHygiene.of(context.tracker())
            .alsoIdleWhen(
                "HikariCP active connections", () -> context.poolMonitor().snapshot().active())
            .returning(PlainValues.standard().forbiddingPackages("dev.shortlease.adapter."));
    PortSet p = checked(SharedContexts.ports(context), hygiene);
    StopRequestsPort stops = hygiene.check(StopRequestsPort.class, context.stopRequests());
    ConversationVariablesPort variables =
        hygiene.check(ConversationVariablesPort.class, context.conversationVariables());
    AppFeedbacksPort feedbacks = hygiene.check(AppFeedbacksPort.class, context.appFeedbacks());
    FilesAdapter filesAdapter = new FilesAdapter(context.sessionScope());
    UploadsPort uploads = hygiene.check(UploadsPort.class, filesAdapter);
    MessageFilesPort messageFiles = hygiene.check(MessageFilesPort.class, filesAdapter);
    AppMediaPort media = p.media();

    var app =
        p.apps().createApp(new NewApp("hygiene", null, AppMode.AGENT_CHAT, null, null, null, null));
    p.apps().findApp(app);
    p.apps().listApps();
    p.apps().updateApp(app, new AppUpdate(null, "d", null, null, null, null, null, null));
    ApiKeyHash hash = ApiKeyHash.of(UUID.randomUUID().toString());
    var key = p.apiKeys().addKey(app, hash, "app-h");
    p.apiKeys().listKeys(app);
    p.apiKeys().findAppIdByKey(hash);
    p.apiKeys().revokeKey(app, key);
    var setUp =
        p.setup()
            .createApp(
                new NewApp("hygiene setup", null, AppMode.CHAT, null, null, null, null),
                new NewApiKey(ApiKeyHash.of(UUID.randomUUID().toString()), "app-s"),
                AppMedia.OFF);
    p.setup()
        .updateApp(
            setUp.app().id(),
            new AppPatch(
                new AppUpdate(null, "e", null, null, null, null, null, null),
                new ModelSettingsPatch(null, 0.5, null),
                AppMediaPatch.replacing(AppMedia.OFF)));
    StartedTurn turn =
        p.startTurn()
            .startTurn(
                new NewTurn(
                    app,
                    "hygiene-user",
                    null,
                    "q",
                    null,
                    List.of(new VariableDeclaration("v", VariableType.NUMBER, 1, null))));
    p.endUsers().findEndUser(app, "hygiene-user");
    p.endUsers().getEndUser(app, turn.owner().endUserId());
    var variable =
        variables.listVariables(turn.owner(), turn.conversationId(), null, 10, "v").items().get(0);
    variables.findVariable(turn.owner(), turn.conversationId(), variable.id());
    variables.setVariable(turn.owner(), turn.conversationId(), variable.id(), new VariableValue(2));
    var thought =
        p.thoughts()
            .addThought(
                turn.owner(),
                turn.messageId(),
                1,
                "t",
                "tool",
                new ToolInput(Map.of("tool", Map.of())),
                null);
    p.thoughts()
        .recordThought(
            turn.owner(), thought, "t2", "tool", new ToolInput(Map.of("tool", Map.of())), null);
    p.thoughts().recordObservation(turn.owner(), thought, Map.of("tool", "obs"));
    p.history()
        .loadHistory(turn.owner(), turn.conversationId(), turn.messageId(), HistoryWindow.DEFAULT);
    p.finish()
        .finishMessage(turn.owner(), turn.messageId(), MessageOutcome.completed("a", null, null));
    p.finish().failAbandoned(Duration.ofDays(36_500), "never");
    p.conversations().listConversations(turn.owner(), null, 10, ConversationSort.UPDATED_DESC);
    p.conversations().findConversation(turn.owner(), turn.conversationId());
    p.conversations().renameConversation(turn.owner(), turn.conversationId(), "n");
    p.conversations().nameIfUnnamed(turn.owner(), turn.conversationId(), "m");
    p.conversations().statsFor(turn.owner());
    p.messages().listMessages(turn.owner(), turn.conversationId(), null, 10);
    p.messages().findMessage(turn.owner(), turn.messageId());
    p.messages().firstQuery(turn.owner(), turn.conversationId());
    p.messages().setFeedback(turn.owner(), turn.messageId(), new Feedback(Rating.LIKE, null));
    feedbacks.listFeedbacks(app, 1, 10);
    UploadedFile upload =
        uploads.recordUpload(
            app, "hygiene-user", UploadFileId.random(), "h.txt", "txt", "text/plain", 1);
    uploads.findUpload(upload.owner(), upload.id());
    uploads.findUploads(upload.owner(), List.of(upload.id()));
    uploads.recordedAmong(List.of(upload.id(), UploadFileId.random()));
    messageFiles.attachFiles(
        turn.owner(), turn.messageId(), List.of(MessageFile.uploaded(FileKind.DOCUMENT, upload)));
    messageFiles.filesOf(turn.owner(), List.of(turn.messageId()));
    media.mediaOf(app);
    media.listAppsWithMedia();
    media.pageAppsWithMedia(1, 20);
    uploads.deleteUnreferencedUploads(Duration.ofDays(36_500), 1);
    p.conversations().deleteConversation(turn.owner(), turn.conversationId());
    StopRequest stop = new StopRequest(app, "hygiene-user", TaskId.random());
    stops.requestStop(stop);
    stops.requestStop(stop);
    stops.recentAmong(List.of(stop), Duration.ofSeconds(1));
    stops.forgetOlderThan(Duration.ofMinutes(1));
    var annotation = p.annotations().createAnnotation(app, new AnnotationText("q?", "a."));
    p.annotations().updateAnnotation(app, annotation.id(), new AnnotationText("q2?", "a2."));
    p.annotations().listAnnotations(app, 1, 10, "q");
    p.annotationIndex()
        .saveReplySettings(app, new AnnotationReplySettings(0.8, "simulated", "simulated", "k"));
    p.annotationIndex().findReplySettings(app);
    p.annotationIndex().annotationsToEmbed(app, "k", 10);
    p.annotationIndex()
        .storeEmbeddings(
            app,
            "k",
            List.of(
                new ComputedEmbedding(
                    annotation.id(), "q2?", new EmbeddingVector(new float[] {1, 0}))));
    p.annotationIndex().readIndex(app, -1, 10);
    p.annotations()
        .recordHit(new AnnotationHit(annotation.id(), turn.owner(), turn.messageId(), "q2?", 1));
    p.annotationIndex().removeReplySettings(app);
    p.annotations().deleteAnnotation(app, annotation.id());
    AnnotationJobId job = AnnotationJobId.random();
    p.annotationJobs().startJob(job, app, AnnotationReplyAction.ENABLE, Duration.ofMinutes(1));
    p.annotationJobs().updateJob(job, AnnotationJobStatus.COMPLETED, null);
    p.annotationJobs().findJob(app, job, Duration.ofMinutes(1));

    hygiene.assertEveryMethodCalled();
  }

  @Test
  @DisplayName("every persistence port takes and returns only plain values")
  void portsSpeakPlainValues() {
    // ToolInput holds tool arguments as a tree of structured values (Map<String, Object>, checked
    // by StructuredValues when built): plain, but not provably so from its type.
    // Inputs, form defaults and variable values are typed Object (or Map<String, Object>): every
    // record holding one freezes it with StructuredValues, which admits structured values only.
    PlainValues values = PlainValues.standard().allowing(ToolInput.class, Object.class);
    Stream.concat(
            Arrays.stream(PortSet.class.getRecordComponents()).map(RecordComponent::getType),
            Stream.of(
                StopRequestsPort.class,
                ConversationVariablesPort.class,
                AppFeedbacksPort.class,
                UploadsPort.class,
                MessageFilesPort.class))
        .forEach(port -> PortChecks.assertPlainValues(port, values));
  }

  /** Each port of {@code ports} seen through {@code hygiene}. */
  private static PortSet checked(PortSet ports, PoolHygiene hygiene) {
    Object[] wrapped =
        Arrays.stream(PortSet.class.getRecordComponents())
            .map(c -> check(hygiene, c.getType(), invoke(c.getAccessor(), ports)))
            .toArray();
    try {
      return (PortSet) PortSet.class.getDeclaredConstructors()[0].newInstance(wrapped);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T check(PoolHygiene hygiene, Class<T> port, Object adapter) {
    return hygiene.check(port, port.cast(adapter));
  }

  private static Object invoke(Method accessor, Object target) {
    try {
      return accessor.invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
