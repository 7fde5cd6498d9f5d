package dev.shortlease.domain;

import java.util.Objects;
import java.util.Set;

/**
 * An app's media switches, as Dify's app features: whether its chats take files (of which kinds,
 * how many, handed over how), and whether it offers speech to text and text to speech.
 *
 * @param numberLimits the most files one message may carry (1..10)
 * @param voice the text-to-speech voice when a request names none (empty: the provider's default)
 */
public record AppMedia(
    boolean fileUpload,
    Set<FileKind> allowedKinds,
    int numberLimits,
    Set<FileTransfer> transfers,
    boolean speechToText,
    boolean textToSpeech,
    String voice,
    String language) {

  public static final int MAX_FILES = 10;

  /** The longest voice name: the column's width (V5); every provider's voices are far shorter. */
  public static final int MAX_VOICE_LENGTH = 64;

  /** New apps: no files, no speech (Dify's defaults); images by either transfer once enabled. */
  public static final AppMedia OFF =
      new AppMedia(
          false, Set.of(FileKind.IMAGE), 3, Set.of(FileTransfer.values()), false, false, "", "");

  public AppMedia {
    allowedKinds = Set.copyOf(Objects.requireNonNull(allowedKinds, "allowedKinds"));
    transfers = Set.copyOf(Objects.requireNonNull(transfers, "transfers"));
    requireNumberLimits(numberLimits);
    voice = voice(voice);
    language = language(language);
  }

  static int requireNumberLimits(int numberLimits) {
    if (numberLimits < 1 || numberLimits > MAX_FILES) {
      throw new InvalidInputException(
          "file_upload.number_limits", "must be between 1 and " + MAX_FILES);
    }
    return numberLimits;
  }

  // the columns' widths (V5): a longer value is refused here, not by the database
  static String voice(String voice) {
    return optional(voice, "text_to_speech.voice", MAX_VOICE_LENGTH);
  }

  static String language(String language) {
    return optional(language, "text_to_speech.language", 32);
  }

  private static String optional(String text, String field, int max) {
    return text == null || text.isBlank() ? "" : Texts.requireText(text, field, max);
  }
}
