package ${package}.adapter.persistence;

import ${package}.application.port.out.QuestionStore;
import ${package}.domain.Question;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** {@link QuestionStore} on Hibernate: each method one short transaction, records out. */
final class QuestionStoreAdapter implements QuestionStore {
  private final SessionScope scope;

  QuestionStoreAdapter(SessionScope scope) {
    this.scope = scope;
  }

  @Override
  public Question add(String text) {
    Question question = Question.unanswered(UUID.randomUUID(), text);
    scope.run(
        em -> {
          QuestionEntity entity = new QuestionEntity();
          entity.id = question.id();
          entity.text = question.text();
          em.persist(entity);
        });
    return question;
  }

  @Override
  public Optional<Question> find(UUID id) {
    return scope.call(em -> Optional.ofNullable(em.find(QuestionEntity.class, id)).map(this::toRecord));
  }

  @Override
  public boolean saveAnswer(UUID id, String answer) {
    return scope.call(
        em -> {
          QuestionEntity entity = em.find(QuestionEntity.class, id);
          if (entity == null) {
            return false;
          }
          entity.answer = answer;
          entity.answeredAt = Instant.now();
          return true;
        });
  }

  private Question toRecord(QuestionEntity entity) {
    return new Question(entity.id, entity.text, Optional.ofNullable(entity.answer));
  }
}
