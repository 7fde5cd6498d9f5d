package dev.shortlease.adapter.llm;

import dev.shortlease.adapter.llm.simulated.SimulatedStreamingChatModel;
import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.port.out.ChatModelPortContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Chat model port contract: LangChain4j adapter over the simulated model")
class SimulatedChatModelPortContractTest extends ChatModelPortContract {
  private ChatModelPort port = adapterOver(new SimulatedStreamingChatModel(Duration.ZERO, 500, 6));

  private static ChatModelPort adapterOver(SimulatedStreamingChatModel model) {
    return new LangChain4jChatModel(model, "simulated", "simulated", Duration.ofSeconds(5));
  }

  @Override
  protected ChatModelPort port() {
    return port;
  }

  @Override
  protected void prepareAnswer(List<String> tokens) {
    // The simulated model writes its own words; the contract checks shape, not content.
  }

  @Override
  protected void prepareToolCall(String toolName, Map<String, Object> arguments) {
    // The contract's user text names the tool, which is what makes the simulated model call it.
  }

  @Override
  protected void prepareSlowAnswer(int tokens) {
    port = adapterOver(new SimulatedStreamingChatModel(Duration.ZERO, 50, tokens));
  }

  @Override
  protected boolean followsScriptedText() {
    return false;
  }
}
