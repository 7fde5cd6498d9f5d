// How Dify's web chat turns a chat-messages event stream into the answer a user sees.
//
// Ported, logic unchanged, from langgenius/webapp-conversation (MIT, Copyright (c) 2023 Dify),
// commit 33085b6608fe7174e0fb75e46c220348863b1c19:
//   - service/base.ts: unicodeToChar, handleStream (line splitting, event dispatch);
//   - app/components/index.tsx: handleSend's onData / onThought / onFile / onMessageEnd /
//     onMessageReplace callbacks (how the answer item is built);
//   - app/components/chat/answer/index.tsx: what is rendered (agent mode: each thought's text;
//     otherwise the content).
// Dify's own web app (web/service/base.ts, web/app/components/base/chat/chat/hooks.ts) handles the
// stream the same way. React state, i18n and conversation switching are left out: they do not
// change the text. Keep this file close to the original so a difference in rendering is the
// server's, not the port's.

// service/base.ts: the regex has no group, so p1 is the match offset, as in the original; JSON.parse
// has already decoded \u escapes, so this rarely matters.
function unicodeToChar(text) {
  return text.replace(/\\u[0-9a-f]{4}/g, (_match, p1) => {
    return String.fromCharCode(parseInt(p1, 16))
  })
}

// service/base.ts handleStream, for a fetch Response.
export function handleStream(response, onData, onCompleted, onThought, onMessageEnd, onMessageReplace, onFile) {
  if (!response.ok) { throw new Error('Network response was not ok') }

  const reader = response.body?.getReader()
  const decoder = new TextDecoder('utf-8')
  let buffer = ''
  let bufferObj
  let isFirstMessage = true
  function read() {
    let hasError = false
    reader?.read().then((result) => {
      if (result.done) {
        onCompleted && onCompleted()
        return
      }
      buffer += decoder.decode(result.value, { stream: true })
      const lines = buffer.split('\n')
      try {
        lines.forEach((message) => {
          if (message.startsWith('data: ')) { // check if it starts with data:
            try {
              bufferObj = JSON.parse(message.substring(6)) // remove data: and parse as json
            }
            catch (e) {
              // mute handle message cut off
              onData('', isFirstMessage, {
                conversationId: bufferObj?.conversation_id,
                messageId: bufferObj?.message_id,
              })
              return
            }
            if (bufferObj.status === 400 || !bufferObj.event) {
              onData('', false, {
                conversationId: undefined,
                messageId: '',
                errorMessage: bufferObj?.message,
                errorCode: bufferObj?.code,
              })
              hasError = true
              onCompleted?.(true)
              return
            }
            if (bufferObj.event === 'message' || bufferObj.event === 'agent_message') {
              // can not use format here. Because message is splited.
              onData(unicodeToChar(bufferObj.answer), isFirstMessage, {
                conversationId: bufferObj.conversation_id,
                taskId: bufferObj.task_id,
                messageId: bufferObj.id,
              })
              isFirstMessage = false
            }
            else if (bufferObj.event === 'agent_thought') {
              onThought?.(bufferObj)
            }
            else if (bufferObj.event === 'message_file') {
              onFile?.(bufferObj)
            }
            else if (bufferObj.event === 'message_end') {
              onMessageEnd?.(bufferObj)
            }
            else if (bufferObj.event === 'message_replace') {
              onMessageReplace?.(bufferObj)
            }
          }
        })
        buffer = lines[lines.length - 1]
      }
      catch (e) {
        onData('', false, {
          conversationId: undefined,
          messageId: '',
          errorMessage: `${e}`,
        })
        hasError = true
        onCompleted?.(true)
        return
      }
      if (!hasError) { read() }
    })
  }
  read()
}

/**
 * Feeds a streaming chat-messages response through handleSend's callbacks (app/components/index.tsx)
 * and resolves with the answer item once the stream ends: {id, content, agent_thoughts, ...}.
 */
export function receiveAnswer(response) {
  return new Promise((resolve, reject) => {
    let isAgentMode = false
    const responseItem = {
      id: `${Date.now()}`,
      content: '',
      agent_thoughts: [],
      message_files: [],
      isAnswer: true,
    }
    let hasSetResponseId = false
    let errorMessage
    handleStream(
      response,
      (message, _isFirstMessage, { messageId, errorMessage: error }) => {
        if (error) { errorMessage = error }
        if (!isAgentMode) {
          responseItem.content = responseItem.content + message
        }
        else {
          const lastThought = responseItem.agent_thoughts?.[responseItem.agent_thoughts?.length - 1]
          if (lastThought) { lastThought.thought = lastThought.thought + message }
        }
        if (messageId && !hasSetResponseId) {
          responseItem.id = messageId
          hasSetResponseId = true
        }
      },
      (hasError) => {
        if (hasError) { reject(new Error(`stream error: ${errorMessage}`)) }
        else { resolve(responseItem) }
      },
      (thought) => {
        isAgentMode = true
        const response = responseItem
        if (thought.message_id && !hasSetResponseId) {
          response.id = thought.message_id
          hasSetResponseId = true
        }
        if (response.agent_thoughts.length === 0) {
          response.agent_thoughts.push(thought)
        }
        else {
          const lastThought = response.agent_thoughts[response.agent_thoughts.length - 1]
          // thought changed but still the same thought, so update.
          if (lastThought.id === thought.id) {
            thought.thought = lastThought.thought
            thought.message_files = lastThought.message_files
            responseItem.agent_thoughts[response.agent_thoughts.length - 1] = thought
          }
          else {
            responseItem.agent_thoughts.push(thought)
          }
        }
      },
      (_messageEnd) => {},
      (messageReplace) => {
        if (responseItem.id === messageReplace.id) { responseItem.content = messageReplace.answer }
      },
      (file) => {
        const lastThought = responseItem.agent_thoughts?.[responseItem.agent_thoughts?.length - 1]
        if (lastThought) { lastThought.message_files = [...lastThought.message_files, { ...file }] }
      },
    )
  })
}

/**
 * The text the answer bubble shows (app/components/chat/answer/index.tsx): in agent mode each
 * thought's text in order (the content is not shown), else the content.
 */
export function renderedText(item) {
  const isAgentMode = !!item.agent_thoughts && item.agent_thoughts.length > 0
  if (!isAgentMode) { return item.content }
  return item.agent_thoughts.filter(thought => thought.thought).map(thought => thought.thought).join('\n')
}
