package ${package}.adapter.llm;

import ${package}.application.port.out.AnswerPort;
import dev.langchain4j.model.chat.ChatModel;

/** {@link AnswerPort} on a LangChain4j chat model: the question in, the model's text out. */
final class LlmAnswers implements AnswerPort {
  private final ChatModel model;

  LlmAnswers(ChatModel model) {
    this.model = model;
  }

  @Override
  public String answer(String question) {
    return model.chat(question);
  }
}
