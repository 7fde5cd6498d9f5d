package dev.shortlease.domain;

import java.util.Set;

/**
 * A partial change to an app's {@link AppMedia}: {@code null} fields keep the stored value. Each
 * given field is checked when made (as {@link AppMedia} checks it), so a bad one is refused before
 * anything is read or written, and applying a patch to valid switches cannot fail.
 */
public record AppMediaPatch(
    Boolean fileUpload,
    Set<FileKind> allowedKinds,
    Integer numberLimits,
    Set<FileTransfer> transfers,
    Boolean speechToText,
    Boolean textToSpeech,
    String voice,
    String language) {

  public AppMediaPatch {
    allowedKinds = allowedKinds == null ? null : Set.copyOf(allowedKinds);
    transfers = transfers == null ? null : Set.copyOf(transfers);
    if (numberLimits != null) {
      AppMedia.requireNumberLimits(numberLimits);
    }
    voice = voice == null ? null : AppMedia.voice(voice);
    language = language == null ? null : AppMedia.language(language);
  }

  /** A patch that sets every switch to {@code media}'s value. */
  public static AppMediaPatch replacing(AppMedia media) {
    return new AppMediaPatch(
        media.fileUpload(),
        media.allowedKinds(),
        media.numberLimits(),
        media.transfers(),
        media.speechToText(),
        media.textToSpeech(),
        media.voice(),
        media.language());
  }

  /** {@code current} with the fields this patch sets. */
  public AppMedia applyTo(AppMedia current) {
    return new AppMedia(
        fileUpload != null ? fileUpload : current.fileUpload(),
        allowedKinds != null ? allowedKinds : current.allowedKinds(),
        numberLimits != null ? numberLimits : current.numberLimits(),
        transfers != null ? transfers : current.transfers(),
        speechToText != null ? speechToText : current.speechToText(),
        textToSpeech != null ? textToSpeech : current.textToSpeech(),
        voice != null ? voice : current.voice(),
        language != null ? language : current.language());
  }
}
