package dev.shortlease.domain.port;

import dev.shortlease.domain.MessageFile;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.Owner;
import java.util.List;
import java.util.Map;

/** Outbound port: the files users attached to their messages. */
public interface MessageFilesPort {

  /** What {@link dev.shortlease.domain.NotFoundException} names for an upload that is gone. */
  String UPLOAD = "upload file";

  /**
   * Records {@code files} as attached to {@code owner}'s message, in their order; {@link
   * dev.shortlease.domain.NotFoundException} for {@link #UPLOAD} when an upload among them is gone
   * (deleted since it was checked, e.g. by the uploads cleanup), and then nothing is recorded.
   */
  void attachFiles(Owner owner, MessageId messageId, List<MessageFile> files);

  /**
   * The files of each of {@code owner}'s messages among {@code messageIds} (messages without files
   * are absent), in one read.
   */
  Map<MessageId, List<MessageFile>> filesOf(Owner owner, List<MessageId> messageIds);
}
