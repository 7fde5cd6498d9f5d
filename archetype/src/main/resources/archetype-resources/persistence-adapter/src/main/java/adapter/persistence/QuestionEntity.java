package ${package}.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/** Mapping of the {@code question} table; never leaves this package (ports return records). */
@Entity
@Table(name = "question")
class QuestionEntity {
  @Id UUID id;

  String text;

  String answer;

  @Generated
  @Column(name = "created_at", insertable = false, updatable = false)
  Instant createdAt;

  @Column(name = "answered_at")
  Instant answeredAt;
}
