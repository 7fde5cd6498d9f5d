package dev.shortlease.benchmark.springosiv;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EndUserRepository extends JpaRepository<EndUser, UUID> {

  Optional<EndUser> findByAppAndExternalId(App app, String externalId);
}
