// Sends a query to the agent app, streams the answer through Dify's web-chat handling
// (dify-web-chat.mjs) and checks that the bubble shows the saved answer once.
import assert from 'node:assert/strict'
import { receiveAnswer, renderedText } from './dify-web-chat.mjs'
import { env } from './harness.mjs'

const user = `render-${process.pid}`

async function stream(query) {
  return fetch(`${env.baseUrl}/chat-messages`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${env.agentKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ inputs: {}, query, user, response_mode: 'streaming', auto_generate_name: false }),
  })
}

async function saved(messageId, conversationId) {
  const response = await fetch(
    `${env.baseUrl}/messages?conversation_id=${conversationId}&user=${user}`,
    { headers: { Authorization: `Bearer ${env.agentKey}` } })
  const page = await response.json()
  return page.data.find(m => m.id === messageId)
}

function occurrences(text, part) {
  return text.split(part).length - 1
}

/** The rendered answer item and the saved message, after checking the text shows once. */
export async function rendersOnce(query) {
  const item = await receiveAnswer(await stream(query))
  const text = renderedText(item)
  const message = await saved(item.id, item.agent_thoughts[0]?.conversation_id)
  assert.ok(message, `message ${item.id} is listed`)
  const finalText = message.agent_thoughts.at(-1).thought
  assert.ok(finalText.length > 0, 'the last thought has the answer text')
  assert.equal(occurrences(text, finalText), 1, `the answer appears once in:\n${text}`)
  // Nothing else is repeated either: the bubble shows exactly the saved answer, thought by thought.
  assert.equal(text.replaceAll('\n', ''), message.answer.replaceAll('\n', ''))
  return { item, message }
}
