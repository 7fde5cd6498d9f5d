package dev.shortlease.application.testing;

import static dev.shortlease.application.testing.ScriptedChatModel.call;
import static dev.shortlease.application.testing.ScriptedChatModel.fail;
import static dev.shortlease.application.testing.ScriptedChatModel.reply;
import static dev.shortlease.application.testing.ScriptedChatModel.toolCalls;

import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.port.out.ChatModelPortContract;
import dev.shortlease.application.port.out.ModelErrorKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Chat model port contract: the scripted fake")
class ScriptedChatModelPortContractTest extends ChatModelPortContract {
  private final ScriptedChatModel model = new ScriptedChatModel();

  @Override
  protected ChatModelPort port() {
    return model;
  }

  @Override
  protected void prepareAnswer(List<String> tokens) {
    model.then(reply(tokens.toArray(String[]::new)));
  }

  @Override
  protected void prepareToolCall(String toolName, Map<String, Object> arguments) {
    model.then(toolCalls(null, call("call_1", toolName, arguments)));
  }

  @Override
  protected void prepareSlowAnswer(int tokens) {
    String[] words = IntStream.range(0, tokens).mapToObj(i -> " w" + i).toArray(String[]::new);
    model.then(reply(words).withDelay(Duration.ofMillis(20)));
  }

  @Override
  protected boolean prepareFailure(ModelErrorKind kind) {
    model.then(fail(kind, "scripted " + kind));
    return true;
  }
}
