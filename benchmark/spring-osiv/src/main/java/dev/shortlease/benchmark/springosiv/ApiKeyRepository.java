package dev.shortlease.benchmark.springosiv;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ApiKeyRepository extends JpaRepository<ApiKey, UUID> {

  /** The live key with this hash, its app fetched in the same query. */
  @Query("select k from ApiKey k join fetch k.app where k.hash = :hash and k.revokedAt is null")
  Optional<ApiKey> findActiveByHash(String hash);
}
