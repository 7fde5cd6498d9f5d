package dev.shortlease.application.port.in;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.MessageFile;
import dev.shortlease.domain.MessageId;
import java.util.List;
import java.util.Map;

/** Use case: the files attached to a page of a user's messages ({@code message_files}). */
public interface ListMessageFilesUseCase {

  /** The files of each message that has any; one short read (none for an unknown user). */
  Map<MessageId, List<MessageFile>> filesOf(AppId appId, String user, List<MessageId> messages);
}
