package dev.shortlease.adapter.web;

import dev.shortlease.application.annotation.ManageAnnotationsService;
import dev.shortlease.application.conversation.ListAppFeedbacksService;
import dev.shortlease.application.port.in.AdmitChatUseCase;
import dev.shortlease.application.port.in.AuthenticateAppUseCase;
import dev.shortlease.application.port.in.BusyException;
import dev.shortlease.application.port.in.CleanUpUploadsUseCase;
import dev.shortlease.application.port.in.ConfigureAnnotationReplyUseCase;
import dev.shortlease.application.port.in.ConfigureAppMediaUseCase;
import dev.shortlease.application.port.in.GetEndUserUseCase;
import dev.shortlease.application.port.in.InspectPoolUseCase;
import dev.shortlease.application.port.in.ListConversationVariablesUseCase;
import dev.shortlease.application.port.in.ManageAppsUseCase;
import dev.shortlease.application.port.in.PreviewFileUseCase;
import dev.shortlease.application.port.in.SendMessageCommand;
import dev.shortlease.application.port.in.SendMessageUseCase;
import dev.shortlease.application.port.in.ShuttingDownException;
import dev.shortlease.application.port.in.SpeakTextUseCase;
import dev.shortlease.application.port.in.TranscribeAudioUseCase;
import dev.shortlease.application.port.in.UnauthorizedException;
import dev.shortlease.application.port.in.UpdateConversationVariableUseCase;
import dev.shortlease.application.port.in.UploadFileUseCase;
import dev.shortlease.application.port.out.PoolSnapshot;
import dev.shortlease.application.port.out.RecentActivity;
import dev.shortlease.domain.AnnotationPage;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMedia;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.AppStatus;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.ModelSettings;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Page;
import dev.shortlease.domain.StorageUnavailableException;
import dev.shortlease.domain.UploadedFile;
import dev.shortlease.domain.port.AnnotationsPort;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Hand-written stand-ins for the in-ports, just enough to drive the HTTP adapter. */
final class StubUseCases {
  static final String CHAT_KEY = "app-chat-key";
  static final String COMPLETION_KEY = "app-completion-key";
  static final String ADMIN_TOKEN = "admin-token-0123456789";

  final App chatApp = app(AppMode.CHAT);
  final App completionApp = app(AppMode.COMPLETION);
  final AtomicReference<StubRun> nextRun = new AtomicReference<>();
  final AtomicReference<SendMessageCommand> lastCommand = new AtomicReference<>();
  final AtomicBoolean admissionFull = new AtomicBoolean();
  final AtomicBoolean shuttingDown = new AtomicBoolean();
  final AtomicBoolean admissionClosed = new AtomicBoolean();
  final AtomicInteger admitted = new AtomicInteger();
  final AtomicInteger authentications = new AtomicInteger();

  /**
   * What the last list asked its port for: annotations and app feedbacks {@code [page, limit]}
   * (their real use cases, over ports that record), conversations {@code [limit]}.
   */
  final AtomicReference<List<Integer>> listed = new AtomicReference<>();

  /**
   * Admits every start, counting them, unless {@link #admissionFull} is set or the line is closed.
   */
  final AdmitChatUseCase admission =
      new AdmitChatUseCase() {
        @Override
        public void enter() {
          if (admissionClosed.get()) {
            throw new ShuttingDownException();
          }
          if (admissionFull.get()) {
            throw new BusyException("Too many chats are starting at once; retry in a moment.");
          }
          admitted.incrementAndGet();
        }

        @Override
        public void leave() {}

        @Override
        public void close() {
          admissionClosed.set(true);
        }
      };

  /** Media switches: all off, as for a new app. */
  final ConfigureAppMediaUseCase media =
      new ConfigureAppMediaUseCase() {
        @Override
        public AppMedia mediaOf(AppId appId) {
          return AppMedia.OFF;
        }
      };

  /** Uploads with Dify's default limits; an upload itself is not served by the stubs. */
  final UploadFileUseCase uploads =
      new UploadFileUseCase() {
        @Override
        public UploadedFile upload(
            AppId appId, String user, String filename, String mimeType, byte[] content) {
          throw new UnsupportedOperationException("upload");
        }

        @Override
        public FileLimits limits() {
          return new FileLimits(15L << 20, 10L << 20, 50L << 20, 100L << 20, Set.of());
        }
      };

  private String countedKey(String key) {
    authentications.incrementAndGet();
    return key;
  }

  HttpApi api(WebSettings settings) {
    AuthenticateAppUseCase auth =
        key ->
            switch (countedKey(key)) {
              case CHAT_KEY -> chatApp;
              case COMPLETION_KEY -> completionApp;
              default -> throw new UnauthorizedException("Access token is invalid.");
            };
    ApiAuth apiAuth = new ApiAuth(auth, settings, AuthThrottleSettings.DEFAULTS);
    SendMessageUseCase send =
        command -> {
          if (shuttingDown.get()) {
            throw new ShuttingDownException();
          }
          lastCommand.set(command);
          return nextRun.get();
        };
    return new HttpApi(
        new ApiRoutes(
            new ChatMessagesHandler(apiAuth, send, (app, user, task) -> {}, admission, settings),
            new MessagesHandler(
                apiAuth,
                (app, user, conversation, first, limit) -> {
                  throw new NotFoundException("conversation");
                },
                (app, user, message, rating, content) -> {},
                (app, user, message, clientGone) -> List.of("Why?"),
                settings,
                (app, user, messages) -> Map.of()),
            new ConversationsHandler(
                apiAuth,
                (app, user, last, limit, sort) -> {
                  listed.set(List.of(limit));
                  if (user.equals("crash")) {
                    throw new IllegalStateException("secret internal detail");
                  }
                  if (user.equals("busy")) {
                    throw new StorageUnavailableException("pool exhausted", null);
                  }
                  return new Page<>(List.of(), false);
                },
                (app, user, conversation, name, auto) -> {
                  throw new NotFoundException("conversation");
                },
                (app, user, conversation) -> {},
                settings),
            new AppInfoHandler(
                apiAuth,
                app -> app.mode() == AppMode.CHAT ? List.of("current_time") : List.of(),
                annotationReplyOff(),
                media,
                uploads),
            new AnnotationsHandler(
                apiAuth,
                new ManageAnnotationsService(recordingAnnotations(), null, null),
                unused(ConfigureAnnotationReplyUseCase.class),
                settings),
            new AdminAppsHandler(
                apiAuth,
                unused(ManageAppsUseCase.class),
                settings,
                unused(ConfigureAppMediaUseCase.class)),
            new OpsHandler(
                apiAuth,
                new InspectPoolUseCase() {
                  @Override
                  public PoolSnapshot snapshot() {
                    return new PoolSnapshot(
                        10,
                        0,
                        10,
                        10,
                        0,
                        PoolSnapshot.Percentiles.NONE,
                        PoolSnapshot.Percentiles.NONE,
                        60,
                        0,
                        0,
                        0,
                        false);
                  }

                  @Override
                  public boolean databaseReady() {
                    return true;
                  }

                  @Override
                  public void probeDatabase() {}
                },
                () -> "# metrics\n",
                unused(CleanUpUploadsUseCase.class)),
            new ConversationVariablesHandler(
                apiAuth,
                unused(ListConversationVariablesUseCase.class),
                unused(UpdateConversationVariableUseCase.class),
                settings),
            new SiteHandler(apiAuth),
            new AppUsersHandler(
                apiAuth,
                new ListAppFeedbacksService(
                    (app, page, limit) -> {
                      listed.set(List.of(page, limit));
                      return List.of();
                    }),
                unused(GetEndUserUseCase.class)),
            new FilesHandler(apiAuth, uploads, unused(PreviewFileUseCase.class)),
            new AudioHandler(
                apiAuth,
                unused(TranscribeAudioUseCase.class),
                unused(SpeakTextUseCase.class),
                settings),
            new DashboardHandler(
                apiAuth, chats -> new RecentActivity(List.of(), List.of(), List.of()))),
        settings);
  }

  static ConversationId anyConversation() {
    return ConversationId.random();
  }

  private static App app(AppMode mode) {
    return new App(
        AppId.random(),
        "stub " + mode,
        "",
        mode,
        ModelSettings.DEFAULT,
        "",
        "Hello!",
        List.of(),
        AppStatus.NORMAL,
        true,
        Instant.now());
  }

  private static <T> T unused(Class<T> port) {
    return port.cast(
        Proxy.newProxyInstance(
            port.getClassLoader(),
            new Class<?>[] {port},
            (proxy, method, args) -> {
              throw new UnsupportedOperationException(method.getName());
            }));
  }

  /** Annotations: none, whatever page is listed; the page and limit asked for are recorded. */
  private AnnotationsPort recordingAnnotations() {
    return (AnnotationsPort)
        Proxy.newProxyInstance(
            AnnotationsPort.class.getClassLoader(),
            new Class<?>[] {AnnotationsPort.class},
            (proxy, method, args) -> {
              if (method.getName().equals("listAnnotations")) {
                listed.set(List.of((Integer) args[1], (Integer) args[2]));
                return new AnnotationPage(List.of(), 0);
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  /** Annotation reply never on; starting or reading jobs is not part of these tests. */
  private static ConfigureAnnotationReplyUseCase annotationReplyOff() {
    return (ConfigureAnnotationReplyUseCase)
        Proxy.newProxyInstance(
            ConfigureAnnotationReplyUseCase.class.getClassLoader(),
            new Class<?>[] {ConfigureAnnotationReplyUseCase.class},
            (proxy, method, args) -> {
              if (method.getName().equals("isEnabled")) {
                return false;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
