// An agent run with a tool call, rendered by Dify's web-chat logic (src/dify-web-chat.mjs): the text
// shows once only when each iteration's agent_thought comes before its agent_message chunks.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { rendersOnce } from '../src/render-check.mjs'

test('an agent answer with a tool call renders once, the tool shown on its thought', async () => {
  const { item, message } = await rendersOnce('What time is it? Use the current_time tool')
  assert.ok(message.agent_thoughts.length >= 2)
  assert.equal(item.agent_thoughts[0].tool, 'current_time')
  assert.ok(item.agent_thoughts[0].observation.length > 0, 'the observation reached the web chat')
})
