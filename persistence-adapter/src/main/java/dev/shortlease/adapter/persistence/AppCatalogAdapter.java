package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.ApiKey;
import dev.shortlease.domain.ApiKeyHash;
import dev.shortlease.domain.ApiKeyId;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMedia;
import dev.shortlease.domain.AppPatch;
import dev.shortlease.domain.AppUpdate;
import dev.shortlease.domain.AppWithKey;
import dev.shortlease.domain.AppWithMedia;
import dev.shortlease.domain.NewApiKey;
import dev.shortlease.domain.NewApp;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.port.ApiKeysPort;
import dev.shortlease.domain.port.AppSetupPort;
import dev.shortlease.domain.port.AppsPort;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Persistence adapter: apps and their API keys (stored as hashes), and the admin's writes that set
 * up an app with its first key and media switches in one transaction.
 */
final class AppCatalogAdapter implements AppsPort, ApiKeysPort, AppSetupPort {
  private final SessionScope scope;

  AppCatalogAdapter(SessionScope scope) {
    this.scope = scope;
  }

  /** The create pattern: persist, flush (the database fills created_at), return the ID. */
  @Override
  public AppId createApp(NewApp n) {
    return scope.call(em -> new AppId(persistApp(em, n).id));
  }

  /** App, key and switches in one unit: a failed insert rolls back the ones before it. */
  @Override
  public AppWithKey createApp(NewApp n, NewApiKey firstKey, AppMedia media) {
    return scope.call(
        em -> {
          AppEntity app = persistApp(em, n);
          ApiKeyEntity key = newKey(new AppId(app.id), firstKey.hash(), firstKey.prefix());
          em.persist(key);
          if (media != null) {
            em.persist(AppMediaEntity.of(new AppId(app.id), media));
          }
          em.flush();
          return new AppWithKey(EntityMappers.toApp(app), new ApiKeyId(key.id));
        });
  }

  private static AppEntity persistApp(EntityManager em, NewApp n) {
    App app =
        new App(
            AppId.random(),
            n.name(),
            n.description(),
            n.mode(),
            n.modelSettings(),
            n.systemPrompt(),
            n.openingStatement(),
            n.suggestedQuestions(),
            n.status(),
            n.apiEnabled(),
            null,
            n.userInputForm(),
            n.conversationVariables(),
            n.maxActiveRequests());
    AppEntity entity = EntityMappers.fill(new AppEntity(), app);
    em.persist(entity);
    return entity;
  }

  /** The read pattern: load, copy into a record, close. */
  @Override
  public Optional<App> findApp(AppId id) {
    return scope.call(
        em -> Optional.ofNullable(em.find(AppEntity.class, id.value())).map(EntityMappers::toApp));
  }

  @Override
  public List<App> listApps() {
    return scope.call(
        em ->
            em.createQuery("from AppEntity a order by a.createdAt, a.id", AppEntity.class)
                .getResultStream()
                .map(EntityMappers::toApp)
                .toList());
  }

  /**
   * The update pattern: by ID, change, commit; the new state is read back in the same session.
   * Under the same row lock as a patch ({@link #updateApp(AppId, AppPatch)}), without reading the
   * switches it leaves.
   */
  @Override
  public Optional<App> updateApp(AppId id, AppUpdate update) {
    return scope.call(em -> patchLocked(em, id, AppPatch.of(update)).map(EntityMappers::toApp));
  }

  /**
   * The app's row is read {@code FOR UPDATE} and held until the commit, so a concurrent patch of
   * the app waits here and then reads this one's result: the patch is merged into the current
   * state, never into a copy another patch has since changed. The switches are read after the lock
   * and written only by a patch (or a create), so the app's lock guards them too.
   */
  @Override
  public Optional<AppWithMedia> updateApp(AppId id, AppPatch patch) {
    return scope.call(
        em -> {
          Optional<AppEntity> patched = patchLocked(em, id, patch);
          if (patched.isEmpty()) {
            return Optional.empty();
          }
          AppMediaEntity row = em.find(AppMediaEntity.class, id.value());
          AppMedia media = patch.applyTo(row == null ? AppMedia.OFF : row.toMedia());
          if (patch.media() != null) {
            em.merge(AppMediaEntity.of(id, media));
          }
          return Optional.of(new AppWithMedia(EntityMappers.toApp(patched.get()), media));
        });
  }

  /**
   * The app's row, read {@code FOR UPDATE}, with the patch's fields and model settings merged in
   * and flushed; empty when there is no such app.
   */
  private static Optional<AppEntity> patchLocked(EntityManager em, AppId id, AppPatch patch) {
    AppEntity entity = em.find(AppEntity.class, id.value(), LockModeType.PESSIMISTIC_WRITE);
    if (entity == null) {
      return Optional.empty();
    }
    EntityMappers.fill(entity, patch.applyTo(EntityMappers.toApp(entity)));
    em.flush();
    return Optional.of(entity);
  }

  @Override
  public ApiKeyId addKey(AppId appId, ApiKeyHash hash, String prefix) {
    return scope.call(
        em -> {
          requireApp(em, appId);
          ApiKeyEntity key = newKey(appId, hash, prefix);
          em.persist(key);
          return new ApiKeyId(key.id);
        });
  }

  @Override
  public List<ApiKey> listKeys(AppId appId) {
    return scope.call(
        em ->
            em.createQuery(
                    "from ApiKeyEntity k where k.appId = :app order by k.createdAt, k.id",
                    ApiKeyEntity.class)
                .setParameter("app", appId.value())
                .getResultStream()
                .map(EntityMappers::toApiKey)
                .toList());
  }

  @Override
  public boolean revokeKey(AppId appId, ApiKeyId keyId) {
    return scope.call(
        em ->
            em.createQuery(
                        "update ApiKeyEntity k set k.revokedAt = instant"
                            + " where k.id = :id and k.appId = :app and k.revokedAt is null")
                    .setParameter("id", keyId.value())
                    .setParameter("app", appId.value())
                    .executeUpdate()
                == 1);
  }

  @Override
  public Optional<AppId> findAppIdByKey(ApiKeyHash hash) {
    return scope.call(
        em ->
            em.createQuery(
                    "select k.appId from ApiKeyEntity k where k.hash = :hash and k.revokedAt is null",
                    UUID.class)
                .setParameter("hash", hash.hex())
                .getResultStream()
                .findFirst()
                .map(AppId::new));
  }

  private static ApiKeyEntity newKey(AppId appId, ApiKeyHash hash, String prefix) {
    ApiKeyEntity key = new ApiKeyEntity();
    key.id = UUID.randomUUID();
    key.appId = appId.value();
    key.hash = hash.hex();
    key.prefix = prefix;
    return key;
  }

  static void requireApp(EntityManager em, AppId appId) {
    boolean exists =
        !em.createQuery("select a.id from AppEntity a where a.id = :id", UUID.class)
            .setParameter("id", appId.value())
            .getResultList()
            .isEmpty();
    if (!exists) {
      throw new NotFoundException("app");
    }
  }
}
