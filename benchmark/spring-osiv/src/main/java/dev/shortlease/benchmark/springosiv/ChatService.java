package dev.shortlease.benchmark.springosiv;

import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The chat's writes: the running message before the model is called, the answer after. */
@Service
public class ChatService {

  private final EndUserRepository endUsers;
  private final ConversationRepository conversations;
  private final MessageRepository messages;
  private final JsonMapper json;

  public ChatService(
      EndUserRepository endUsers,
      ConversationRepository conversations,
      MessageRepository messages,
      JsonMapper json) {
    this.endUsers = endUsers;
    this.conversations = conversations;
    this.messages = messages;
    this.json = json;
  }

  /** The end user (created on first use), the conversation and the message, {@code RUNNING}. */
  @Transactional
  public Message start(App app, ChatRequest request) {
    EndUser user =
        endUsers
            .findByAppAndExternalId(app, request.user())
            .orElseGet(() -> endUsers.save(new EndUser(app, request.user())));
    Conversation conversation;
    if (request.conversationId() == null) {
      Map<String, Object> inputs = request.inputs() == null ? Map.of() : request.inputs();
      conversation =
          conversations.save(new Conversation(app, user, json.writeValueAsString(inputs)));
    } else {
      conversation =
          conversations
              .findByIdAndAppAndEndUserAndStatus(request.conversationId(), app, user, "NORMAL")
              .orElseThrow(() -> new ApiException(404, "not_found", "Conversation Not Exists."));
      conversation.touch();
    }
    return messages.save(new Message(conversation, app, user, request.query()));
  }

  /** The answer saved, the message {@code NORMAL}, its conversation moved to the top. */
  @Transactional
  public void finish(
      UUID messageId, String answer, int promptTokens, int completionTokens, long latencyNanos) {
    Message message = messages.findById(messageId).orElseThrow();
    message.finish(answer, promptTokens, completionTokens, latencyNanos);
    message.getConversation().touch();
  }

  /** The message {@code ERROR}, with the text streamed so far. */
  @Transactional
  public void fail(UUID messageId, String answer, String error) {
    messages.findById(messageId).ifPresent(message -> message.fail(answer, error));
  }
}
