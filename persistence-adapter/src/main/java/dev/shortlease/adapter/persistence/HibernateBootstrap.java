package dev.shortlease.adapter.persistence;

import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * Hibernate bootstrapped in code (no persistence.xml): the adapter's entities, over the tracked
 * pool, leasing a connection per transaction (docs/persistence.md, ADR 1).
 */
final class HibernateBootstrap {
  private HibernateBootstrap() {}

  static EntityManagerFactory start(DataSource dataSource, PersistenceSettings s) {
    var config =
        new HibernatePersistenceConfiguration("shortlease")
            .managedClasses(
                AppEntity.class,
                ApiKeyEntity.class,
                EndUserEntity.class,
                ConversationEntity.class,
                MessageEntity.class,
                AgentThoughtEntity.class,
                StopRequestEntity.class,
                AnnotationEntity.class,
                AnnotationReplySettingEntity.class,
                AnnotationJobEntity.class,
                ConversationVariableEntity.class,
                UploadFileEntity.class,
                MessageFileEntity.class,
                AppMediaEntity.class)
            .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
            .property(
                AvailableSettings.CONNECTION_HANDLING,
                "DELAYED_ACQUISITION_AND_RELEASE_AFTER_TRANSACTION")
            .property(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, true)
            // A list parameter (the stop relay's task IDs) renders one of few SQL shapes, so the
            // driver's per-connection prepared statements are reused rather than re-planned.
            .property(AvailableSettings.IN_CLAUSE_PARAMETER_PADDING, true)
            // SQL errors are not Hibernate's to log: adapters answer the expected ones (a foreign
            // key refusing a deleted app is "not found"), the rest reach one log line with their
            // SQLState (SqlFailure, docs/persistence.md).
            .property(AvailableSettings.LOG_JDBC_ERRORS, false)
            // Flyway owns the schema; Hibernate only checks that the entities match it.
            .property(AvailableSettings.HBM2DDL_AUTO, "validate");
    if (s.schema() != null) {
      config.property(AvailableSettings.DEFAULT_SCHEMA, s.schema());
    }
    return config.createEntityManagerFactory();
  }
}
