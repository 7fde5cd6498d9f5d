package dev.shortlease.application.audio;

import dev.shortlease.application.port.in.MediaRejectedException;
import dev.shortlease.application.port.in.MediaRejectedException.Reason;
import dev.shortlease.application.port.in.SpeakTextUseCase;
import dev.shortlease.application.port.out.AudioClip;
import dev.shortlease.application.port.out.SpeechPort;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMedia;
import dev.shortlease.domain.EndUser;
import dev.shortlease.domain.InvalidInputException;
import dev.shortlease.domain.Message;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.Texts;
import dev.shortlease.domain.port.AppMediaPort;
import dev.shortlease.domain.port.EndUsersPort;
import dev.shortlease.domain.port.MessagesPort;
import jakarta.inject.Inject;

/**
 * Use case: text to speech. Short reads first (the app's switch, the user's message when one is
 * named), then the model call with no connection held.
 */
public final class SpeakTextService implements SpeakTextUseCase {
  /** OpenAI's speech endpoint takes at most 4096 characters. */
  static final int MAX_TEXT = 4096;

  private final AppMediaPort media;
  private final EndUsersPort endUsers;
  private final MessagesPort messages;
  private final SpeechPort speech;

  @Inject
  public SpeakTextService(
      AppMediaPort media, EndUsersPort endUsers, MessagesPort messages, SpeechPort speech) {
    this.media = media;
    this.endUsers = endUsers;
    this.messages = messages;
    this.speech = speech;
  }

  @Override
  public AudioClip speak(AppId appId, String user, MessageId messageId, String text, String voice) {
    String owner = EndUser.requireExternalId(user);
    AppMedia switches = media.mediaOf(appId);
    if (!switches.textToSpeech()) {
      throw new MediaRejectedException(Reason.TEXT_TO_SPEECH_DISABLED, "TTS is not enabled");
    }
    String spoken = messageId != null ? answerOf(appId, owner, messageId) : text;
    if (spoken == null || spoken.isBlank()) {
      throw new InvalidInputException("text", "is required");
    }
    Texts.requireAtMost(spoken, "text", MAX_TEXT);
    if (voice != null) {
      // a name, not text: nothing longer than an app's own voice goes on to the provider
      Texts.requireAtMost(voice.strip(), "voice", AppMedia.MAX_VOICE_LENGTH);
    }
    if (!speech.canSpeak()) {
      throw new MediaRejectedException(
          Reason.PROVIDER_HAS_NO_TEXT_TO_SPEECH,
          "No text-to-speech model is configured for this provider.");
    }
    String chosen = voice == null || voice.isBlank() ? switches.voice() : voice.strip();
    return speech.speak(spoken.strip(), chosen);
  }

  private String answerOf(AppId appId, String user, MessageId messageId) {
    return endUsers
        .findEndUser(appId, user)
        .flatMap(endUser -> messages.findMessage(new Owner(appId, endUser), messageId))
        .map(Message::answer)
        .orElseThrow(() -> new NotFoundException("message"));
  }
}
