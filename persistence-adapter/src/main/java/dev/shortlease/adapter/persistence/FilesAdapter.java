package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMedia;
import dev.shortlease.domain.AppWithMedia;
import dev.shortlease.domain.AppsPage;
import dev.shortlease.domain.EndUserId;
import dev.shortlease.domain.FileKind;
import dev.shortlease.domain.FileTransfer;
import dev.shortlease.domain.MessageFile;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.UploadFileId;
import dev.shortlease.domain.UploadedFile;
import dev.shortlease.domain.port.AppMediaPort;
import dev.shortlease.domain.port.MessageFilesPort;
import dev.shortlease.domain.port.UploadsPort;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.hibernate.StatelessSession;
import org.hibernate.query.SelectionQuery;

/**
 * Persistence adapter: upload metadata, the files attached to messages, and each app's media
 * switches. Every call is one short stateless transaction; every upload and message-file read is
 * scoped by app and end user (rule R4).
 */
final class FilesAdapter implements UploadsPort, MessageFilesPort, AppMediaPort {
  private final SessionScope scope;

  FilesAdapter(SessionScope scope) {
    this.scope = scope;
  }

  @Override
  public UploadedFile recordUpload(
      AppId appId,
      String user,
      UploadFileId id,
      String name,
      String extension,
      String mimeType,
      long size) {
    return scope.callStateless(
        session -> {
          UploadFileEntity row = new UploadFileEntity();
          row.id = id.value();
          row.appId = appId.value();
          row.endUserId = endUser(session, appId, user);
          row.name = name;
          row.extension = extension;
          row.mimeType = mimeType;
          row.size = size;
          session.insert(row);
          return upload(session.get(UploadFileEntity.class, row.id));
        });
  }

  @Override
  public Optional<UploadedFile> findUpload(Owner owner, UploadFileId id) {
    return findUploads(owner, List.of(id)).stream().findFirst();
  }

  @Override
  public List<UploadedFile> findUploads(Owner owner, List<UploadFileId> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return scope.callStateless(
        session ->
            session
                .createSelectionQuery(
                    "from UploadFileEntity f where f.id in :ids"
                        + " and f.appId = :app and f.endUserId = :user",
                    UploadFileEntity.class)
                .setParameter("ids", ids.stream().map(UploadFileId::value).toList())
                .setParameter("app", owner.appId().value())
                .setParameter("user", owner.endUserId().value())
                .getResultList()
                .stream()
                .map(FilesAdapter::upload)
                .toList());
  }

  /**
   * The uploads the operator's cleanup deletes: older than the age by the database's clock (the one
   * that stamped {@code created_at}; only the age is bound, in microseconds, as {@link
   * MessageLifecycleAdapter#failAbandoned} does) and referenced by no message file, checked in the
   * same statement that deletes them. H2 multiplies an interval only by a typed number, hence the
   * cast.
   */
  private static final String UNREFERENCED_UPLOADS =
      "delete from upload_file where id in (select f.id from upload_file f"
          + " where f.created_at < current_timestamp"
          + " - cast(? as bigint) * interval '0.000001' second"
          + " and not exists (select 1 from message_file m where m.upload_file_id = f.id)"
          + " limit ?)";

  /**
   * One statement that deletes and names what it deleted: {@code returning} on PostgreSQL, H2's
   * data change delta table ({@code old table}) elsewhere, as H2 has no {@code returning}.
   */
  @Override
  public List<UploadFileId> deleteUnreferencedUploads(Duration olderThan, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    String sql =
        scope.database().isPostgresql()
            ? UNREFERENCED_UPLOADS + " returning id"
            : "select id from old table (" + UNREFERENCED_UPLOADS + ")";
    long micros = TimeUnit.MICROSECONDS.convert(olderThan);
    for (int attempt = 1; ; attempt++) {
      try {
        return deleteUnreferenced(sql, micros, limit);
      } catch (RuntimeException e) {
        // A chat attached one of them while the delete waited for its row (PostgreSQL): the
        // statement deleted nothing; the next one's check sees that reference.
        if (attempt >= CLEANUP_ATTEMPTS || !SessionScope.isForeignKeyViolation(e)) {
          throw e;
        }
      }
    }
  }

  private static final int CLEANUP_ATTEMPTS = 3;

  private List<UploadFileId> deleteUnreferenced(String sql, long micros, int limit) {
    return scope.callOneStatement(
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, micros);
            statement.setInt(2, limit);
            List<UploadFileId> deleted = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
              while (row.next()) {
                deleted.add(new UploadFileId(row.getObject(1, UUID.class)));
              }
            }
            return List.copyOf(deleted);
          }
        });
  }

  /** One short read of the IDs alone: the cleanup's sweep asks it once per page of the store. */
  @Override
  public Set<UploadFileId> recordedAmong(List<UploadFileId> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    return scope.callStateless(
        session ->
            session
                .createSelectionQuery(
                    "select f.id from UploadFileEntity f where f.id in :ids", UUID.class)
                .setParameter("ids", ids.stream().map(UploadFileId::value).toList())
                .getResultList()
                .stream()
                .map(UploadFileId::new)
                .collect(Collectors.toUnmodifiableSet()));
  }

  @Override
  public void attachFiles(Owner owner, MessageId messageId, List<MessageFile> files) {
    try {
      scope.callStateless(
          session -> {
            for (int i = 0; i < files.size(); i++) {
              session.insert(row(owner, messageId, i, files.get(i)));
            }
            return null;
          });
    } catch (RuntimeException e) {
      // The chat checked its uploads a moment ago; the cleanup may have deleted one since.
      throw SessionScope.isForeignKeyViolation(e) ? new NotFoundException(UPLOAD) : e;
    }
  }

  @Override
  public Map<MessageId, List<MessageFile>> filesOf(Owner owner, List<MessageId> messageIds) {
    if (messageIds.isEmpty()) {
      return Map.of();
    }
    return scope.callStateless(
        session -> {
          Map<MessageId, List<MessageFile>> byMessage = new LinkedHashMap<>();
          session
              .createSelectionQuery(
                  "from MessageFileEntity f where f.messageId in :ids"
                      + " and f.appId = :app and f.endUserId = :user"
                      + " order by f.messageId, f.position",
                  MessageFileEntity.class)
              .setParameter("ids", messageIds.stream().map(MessageId::value).toList())
              .setParameter("app", owner.appId().value())
              .setParameter("user", owner.endUserId().value())
              .getResultList()
              .forEach(
                  row ->
                      byMessage
                          .computeIfAbsent(new MessageId(row.messageId), id -> new ArrayList<>())
                          .add(file(row)));
          byMessage.replaceAll((id, files) -> List.copyOf(files));
          return Map.copyOf(byMessage);
        });
  }

  @Override
  public AppMedia mediaOf(AppId appId) {
    return scope.callStateless(
        session ->
            Optional.ofNullable(session.get(AppMediaEntity.class, appId.value()))
                .map(AppMediaEntity::toMedia)
                .orElse(AppMedia.OFF));
  }

  /** Apps outer-joined to their switch rows, one select; an app without a row is off. */
  @Override
  public List<AppWithMedia> listAppsWithMedia() {
    return scope.callStateless(
        session ->
            appsWithMedia(session).getResultList().stream()
                .map(FilesAdapter::appWithMedia)
                .toList());
  }

  /** The page's select and a count, two statements in one transaction (one borrow). */
  @Override
  public AppsPage pageAppsWithMedia(int page, int limit) {
    return scope.callStateless(
        session -> {
          List<AppWithMedia> items =
              appsWithMedia(session)
                  .setFirstResult((page - 1) * limit)
                  .setMaxResults(limit)
                  .getResultList()
                  .stream()
                  .map(FilesAdapter::appWithMedia)
                  .toList();
          long total =
              session
                  .createSelectionQuery("select count(a) from AppEntity a", Long.class)
                  .getSingleResult();
          return new AppsPage(items, page, limit, total);
        });
  }

  private static SelectionQuery<Object[]> appsWithMedia(StatelessSession session) {
    return session.createSelectionQuery(
        "select a, m from AppEntity a left join AppMediaEntity m on m.appId = a.id"
            + " order by a.createdAt, a.id",
        Object[].class);
  }

  private static AppWithMedia appWithMedia(Object[] row) {
    return new AppWithMedia(
        EntityMappers.toApp((AppEntity) row[0]),
        row[1] == null ? AppMedia.OFF : ((AppMediaEntity) row[1]).toMedia());
  }

  /** The end user's ID, inserting it first if the app has not seen it (as a chat's T2 does). */
  private static UUID endUser(StatelessSession session, AppId appId, String user) {
    session
        .createNativeMutationQuery(
            "insert into {h-schema}end_user (id, app_id, external_id) values (:id, :app, :external)"
                + " on conflict do nothing")
        .setParameter("id", UUID.randomUUID())
        .setParameter("app", appId.value())
        .setParameter("external", user)
        .executeUpdate();
    return session
        .createSelectionQuery(
            "select u.id from EndUserEntity u where u.appId = :app and u.externalId = :external",
            UUID.class)
        .setParameter("app", appId.value())
        .setParameter("external", user)
        .getSingleResult();
  }

  private static UploadedFile upload(UploadFileEntity row) {
    return new UploadedFile(
        new UploadFileId(row.id),
        new Owner(new AppId(row.appId), new EndUserId(row.endUserId)),
        row.name,
        row.extension,
        row.mimeType,
        row.size,
        row.createdAt);
  }

  private static MessageFileEntity row(
      Owner owner, MessageId messageId, int position, MessageFile f) {
    MessageFileEntity row = new MessageFileEntity();
    row.id = UUID.randomUUID();
    row.messageId = messageId.value();
    row.appId = owner.appId().value();
    row.endUserId = owner.endUserId().value();
    row.position = position;
    row.kind = f.kind().name().toLowerCase(Locale.ROOT);
    row.transfer = f.transfer().name().toLowerCase(Locale.ROOT);
    row.uploadFileId = f.upload() == null ? null : f.upload().value();
    row.url = f.url();
    row.name = f.name();
    row.extension = f.extension();
    row.mimeType = f.mimeType();
    row.size = f.size();
    return row;
  }

  private static MessageFile file(MessageFileEntity row) {
    return new MessageFile(
        FileKind.valueOf(row.kind.toUpperCase(Locale.ROOT)),
        FileTransfer.valueOf(row.transfer.toUpperCase(Locale.ROOT)),
        row.uploadFileId == null ? null : new UploadFileId(row.uploadFileId),
        row.url,
        row.name,
        row.extension,
        row.mimeType,
        row.size);
  }
}
