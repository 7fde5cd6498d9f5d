package dev.shortlease.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Row of {@code message_file}: one file attached to a message, in its position. */
@Entity
@Table(name = "message_file")
class MessageFileEntity {
  @Id UUID id;

  @Column(name = "message_id")
  UUID messageId;

  @Column(name = "app_id")
  UUID appId;

  @Column(name = "end_user_id")
  UUID endUserId;

  int position;
  String kind;
  String transfer;

  @Column(name = "upload_file_id")
  UUID uploadFileId;

  String url;
  String name;
  String extension;

  @Column(name = "mime_type")
  String mimeType;

  long size;
}
