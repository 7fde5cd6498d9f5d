package ${package}.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ${package}.application.port.out.AnswerPort;
import ${package}.application.port.out.QuestionStore;
import ${package}.domain.NotFoundException;
import ${package}.domain.Question;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AnswerQuestionServiceTest {
  private final List<String> steps = new ArrayList<>();
  private final InMemoryStore store = new InMemoryStore();
  private final AnswerPort answers =
      question -> {
        steps.add("long call");
        return "answer to " + question;
      };
  private final AnswerQuestionService service = new AnswerQuestionService(store, answers);

  @Test
  void readsThenCallsThenWritesInSeparateSteps() {
    Question asked = store.add("Why?");
    steps.clear();

    Question answered = service.answer(asked.id());

    assertThat(answered.answer()).contains("answer to Why?");
    assertThat(steps).containsExactly("read", "long call", "write");
    assertThat(store.questions.get(asked.id()).answer()).contains("answer to Why?");
  }

  @Test
  void anUnknownQuestionIsNotFoundAndNothingIsCalled() {
    UUID unknown = UUID.randomUUID();

    assertThatThrownBy(() -> service.answer(unknown))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining(unknown.toString());
    assertThat(steps).containsExactly("read");
  }

  @Test
  void aQuestionDeletedDuringTheLongCallIsNotFound() {
    Question asked = store.add("Gone?");
    AnswerQuestionService deleting =
        new AnswerQuestionService(
            store,
            question -> {
              store.questions.remove(asked.id());
              return "too late";
            });

    assertThatThrownBy(() -> deleting.answer(asked.id())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void askStoresTrimmedTextAndGetReadsIt() {
    AskQuestionService ask = new AskQuestionService(store);

    Question asked = ask.ask("  Hello?  ");

    assertThat(ask.get(asked.id()).text()).isEqualTo("Hello?");
    assertThatThrownBy(() -> ask.get(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
  }

  private final class InMemoryStore implements QuestionStore {
    final Map<UUID, Question> questions = new HashMap<>();

    @Override
    public Question add(String text) {
      Question question = Question.unanswered(UUID.randomUUID(), text);
      questions.put(question.id(), question);
      return question;
    }

    @Override
    public Optional<Question> find(UUID id) {
      steps.add("read");
      return Optional.ofNullable(questions.get(id));
    }

    @Override
    public boolean saveAnswer(UUID id, String answer) {
      steps.add("write");
      return questions.computeIfPresent(id, (key, question) -> question.answered(answer)) != null;
    }
  }
}
