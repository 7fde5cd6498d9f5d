package dev.shortlease.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import dev.shortlease.application.AnnotationSettings;
import dev.shortlease.application.ChatExecutor;
import dev.shortlease.application.ChatSettings;
import dev.shortlease.application.LimitSettings;
import dev.shortlease.application.ReliabilitySettings;
import dev.shortlease.application.admin.AuthenticateAppService;
import dev.shortlease.application.admin.ManageAppsService;
import dev.shortlease.application.agent.DescribeToolsService;
import dev.shortlease.application.annotation.AnnotationReplier;
import dev.shortlease.application.annotation.AnnotationReplyJobService;
import dev.shortlease.application.annotation.AnnotationReplyService;
import dev.shortlease.application.annotation.ManageAnnotationsService;
import dev.shortlease.application.audio.SpeakTextService;
import dev.shortlease.application.audio.TranscribeAudioService;
import dev.shortlease.application.chat.AdmissionGate;
import dev.shortlease.application.chat.SendMessageService;
import dev.shortlease.application.chat.StopGenerationService;
import dev.shortlease.application.chat.StopRequestRelayService;
import dev.shortlease.application.conversation.DeleteConversationService;
import dev.shortlease.application.conversation.GetEndUserService;
import dev.shortlease.application.conversation.ListAppFeedbacksService;
import dev.shortlease.application.conversation.ListConversationVariablesService;
import dev.shortlease.application.conversation.ListConversationsService;
import dev.shortlease.application.conversation.ListMessagesService;
import dev.shortlease.application.conversation.RateMessageService;
import dev.shortlease.application.conversation.RenameConversationService;
import dev.shortlease.application.conversation.SuggestQuestionsService;
import dev.shortlease.application.conversation.UpdateConversationVariableService;
import dev.shortlease.application.files.CleanUpUploadsService;
import dev.shortlease.application.files.ConfigureAppMediaService;
import dev.shortlease.application.files.ListMessageFilesService;
import dev.shortlease.application.files.PreviewFileService;
import dev.shortlease.application.files.UploadFileService;
import dev.shortlease.application.ops.InspectActivityService;
import dev.shortlease.application.ops.InspectPoolService;
import dev.shortlease.application.ops.RecoverAbandonedMessagesService;
import dev.shortlease.application.ops.ReplaySpooledAnswersService;
import dev.shortlease.application.ops.ScrapeMetricsService;
import dev.shortlease.application.ops.ShutdownService;
import dev.shortlease.application.port.in.AdmitChatUseCase;
import dev.shortlease.application.port.in.AuthenticateAppUseCase;
import dev.shortlease.application.port.in.CleanUpUploadsUseCase;
import dev.shortlease.application.port.in.ConfigureAnnotationReplyUseCase;
import dev.shortlease.application.port.in.ConfigureAppMediaUseCase;
import dev.shortlease.application.port.in.DeleteConversationUseCase;
import dev.shortlease.application.port.in.DescribeToolsUseCase;
import dev.shortlease.application.port.in.GetEndUserUseCase;
import dev.shortlease.application.port.in.InspectActivityUseCase;
import dev.shortlease.application.port.in.InspectPoolUseCase;
import dev.shortlease.application.port.in.ListAppFeedbacksUseCase;
import dev.shortlease.application.port.in.ListConversationVariablesUseCase;
import dev.shortlease.application.port.in.ListConversationsUseCase;
import dev.shortlease.application.port.in.ListMessageFilesUseCase;
import dev.shortlease.application.port.in.ListMessagesUseCase;
import dev.shortlease.application.port.in.ManageAnnotationsUseCase;
import dev.shortlease.application.port.in.ManageAppsUseCase;
import dev.shortlease.application.port.in.PreviewFileUseCase;
import dev.shortlease.application.port.in.RateMessageUseCase;
import dev.shortlease.application.port.in.RecoverAbandonedMessagesUseCase;
import dev.shortlease.application.port.in.RelayStopRequestsUseCase;
import dev.shortlease.application.port.in.RenameConversationUseCase;
import dev.shortlease.application.port.in.ReplaySpooledAnswersUseCase;
import dev.shortlease.application.port.in.ScrapeMetricsUseCase;
import dev.shortlease.application.port.in.SendMessageUseCase;
import dev.shortlease.application.port.in.ShutdownUseCase;
import dev.shortlease.application.port.in.SpeakTextUseCase;
import dev.shortlease.application.port.in.StopGenerationUseCase;
import dev.shortlease.application.port.in.SuggestQuestionsUseCase;
import dev.shortlease.application.port.in.TranscribeAudioUseCase;
import dev.shortlease.application.port.in.UpdateConversationVariableUseCase;
import dev.shortlease.application.port.in.UploadFileUseCase;

/**
 * Composition root: binds each in-port to its application service, one instance per injector, plus
 * the chat settings and the executor runs use. The per-use-case leak check (rule R7) is not wired
 * here: the guardrails kit adds it to every {@code *UseCase} binding (see {@link Composition}).
 */
final class ApplicationModule extends AbstractModule {
  private final ChatSettings chat;
  private final ReliabilitySettings reliability;
  private final AnnotationSettings annotations;
  private final UploadFileUseCase.FileLimits fileLimits;
  private final LimitSettings limits;

  ApplicationModule(
      ChatSettings chat,
      ReliabilitySettings reliability,
      AnnotationSettings annotations,
      UploadFileUseCase.FileLimits fileLimits,
      LimitSettings limits) {
    this.chat = chat;
    this.reliability = reliability;
    this.annotations = annotations;
    this.fileLimits = fileLimits;
    this.limits = limits;
  }

  @Override
  protected void configure() {
    bind(ChatSettings.class).toInstance(chat);
    bind(ReliabilitySettings.class).toInstance(reliability);
    bind(UploadFileUseCase.FileLimits.class).toInstance(fileLimits);
    bind(LimitSettings.class).toInstance(limits);
    bind(ChatExecutor.class).toInstance(ChatExecutor.virtualThreads());
    useCase(SendMessageUseCase.class, SendMessageService.class);
    useCase(StopGenerationUseCase.class, StopGenerationService.class);
    useCase(ListConversationsUseCase.class, ListConversationsService.class);
    useCase(ListMessagesUseCase.class, ListMessagesService.class);
    useCase(RenameConversationUseCase.class, RenameConversationService.class);
    useCase(DeleteConversationUseCase.class, DeleteConversationService.class);
    useCase(RateMessageUseCase.class, RateMessageService.class);
    useCase(SuggestQuestionsUseCase.class, SuggestQuestionsService.class);
    useCase(DescribeToolsUseCase.class, DescribeToolsService.class);
    useCase(AuthenticateAppUseCase.class, AuthenticateAppService.class);
    useCase(ManageAppsUseCase.class, ManageAppsService.class);
    useCase(InspectPoolUseCase.class, InspectPoolService.class);
    useCase(ScrapeMetricsUseCase.class, ScrapeMetricsService.class);
    useCase(InspectActivityUseCase.class, InspectActivityService.class);
    useCase(RecoverAbandonedMessagesUseCase.class, RecoverAbandonedMessagesService.class);
    useCase(RelayStopRequestsUseCase.class, StopRequestRelayService.class);
    useCase(ShutdownUseCase.class, ShutdownService.class);
    useCase(ReplaySpooledAnswersUseCase.class, ReplaySpooledAnswersService.class);
    // forms, conversation variables, feedback list, end users
    useCase(ListConversationVariablesUseCase.class, ListConversationVariablesService.class);
    useCase(UpdateConversationVariableUseCase.class, UpdateConversationVariableService.class);
    useCase(ListAppFeedbacksUseCase.class, ListAppFeedbacksService.class);
    useCase(GetEndUserUseCase.class, GetEndUserService.class);
    useCase(AdmitChatUseCase.class, AdmissionGate.class);
    // annotations
    bind(AnnotationSettings.class).toInstance(annotations);
    bind(AnnotationReplier.class).to(AnnotationReplyService.class).in(Singleton.class);
    useCase(ManageAnnotationsUseCase.class, ManageAnnotationsService.class);
    useCase(ConfigureAnnotationReplyUseCase.class, AnnotationReplyJobService.class);
    // files and audio
    useCase(UploadFileUseCase.class, UploadFileService.class);
    useCase(PreviewFileUseCase.class, PreviewFileService.class);
    useCase(CleanUpUploadsUseCase.class, CleanUpUploadsService.class);
    useCase(ListMessageFilesUseCase.class, ListMessageFilesService.class);
    useCase(ConfigureAppMediaUseCase.class, ConfigureAppMediaService.class);
    useCase(TranscribeAudioUseCase.class, TranscribeAudioService.class);
    useCase(SpeakTextUseCase.class, SpeakTextService.class);
  }

  /** Binds {@code port} to {@code service}, one instance per injector. */
  private <T> void useCase(Class<T> port, Class<? extends T> service) {
    bind(port).to(service).in(Singleton.class);
  }
}
