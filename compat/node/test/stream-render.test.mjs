// The agent stream as Dify's web chat renders it (src/dify-web-chat.mjs): the answer must appear
// once. Dify's order for each agent iteration is: agent_thought (empty), the agent_message chunks
// (appended to that thought), then the same agent_thought again with its tool and observation; a
// server that sends the chunks before their thought makes the web chat show text twice.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { rendersOnce } from '../src/render-check.mjs'

test('an agent answer without a tool call renders once', async () => {
  const { message } = await rendersOnce('Hello there')
  assert.equal(message.agent_thoughts.length, 1)
  assert.equal(message.agent_thoughts[0].tool, '')
})
