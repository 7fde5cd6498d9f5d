// Pending: the server still streams an iteration's agent_message chunks before its agent_thought,
// so Dify's web chat shows the text of a tool-call run twice. Move this file to test/ when the
// stream follows Dify's order (thought, chunks, thought updated); see docs/compatibility.md.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { rendersOnce } from '../src/render-check.mjs'

test('an agent answer with a tool call renders once, the tool shown on its thought', async () => {
  const { item, message } = await rendersOnce('What time is it? Use the current_time tool')
  assert.ok(message.agent_thoughts.length >= 2)
  assert.equal(item.agent_thoughts[0].tool, 'current_time')
  assert.ok(item.agent_thoughts[0].observation.length > 0, 'the observation reached the web chat')
})
