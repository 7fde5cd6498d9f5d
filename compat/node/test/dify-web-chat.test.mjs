// The port of Dify's web-chat handling on fixed streams, no server: Dify's own order renders the
// answer once; chunks sent before their thought (a server bug) render it twice, so the
// stream-render tests can fail.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { receiveAnswer, renderedText } from '../src/dify-web-chat.mjs'

const ids = { task_id: 't', message_id: 'm', conversation_id: 'c' }
const thought = (id, position, fields) => ({ event: 'agent_thought', ...ids, id, position, thought: '', tool: '', tool_input: '', observation: '', ...fields })
const chunk = answer => ({ event: 'agent_message', ...ids, id: 'm', answer })
const end = { event: 'message_end', ...ids, id: 'm', metadata: {} }

// One network chunk per event, as the server flushes them. (The original handleStream dispatches a
// chunk's last line before its newline has arrived, and again with the next chunk: a chunk that ends
// right after an event's JSON would show that event twice, whatever the server.)
function sse(events) {
  const encoder = new TextEncoder()
  const body = new ReadableStream({
    start(controller) {
      for (const e of events) { controller.enqueue(encoder.encode(`data: ${JSON.stringify(e)}\n\n`)) }
      controller.close()
    },
  })
  return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } })
}

test("Dify's order (thought, chunks, thought updated) renders each text once", async () => {
  const item = await receiveAnswer(sse([
    thought('a', 1, {}),
    chunk('Let me'), chunk(' check.'),
    thought('a', 1, { thought: 'Let me check.', tool: 'current_time', tool_input: '{}', observation: '12:00' }),
    thought('b', 2, {}),
    chunk('It is'), chunk(' noon.'),
    thought('b', 2, { thought: 'It is noon.' }),
    end,
  ]))
  assert.equal(renderedText(item), 'Let me check.\nIt is noon.')
  assert.equal(item.agent_thoughts[0].tool, 'current_time')
})

test('chunks before their thought render the second iteration twice', async () => {
  const item = await receiveAnswer(sse([
    chunk('Let me'), chunk(' check.'),
    thought('a', 1, { thought: 'Let me check.', tool: 'current_time', observation: '12:00' }),
    chunk('It is'), chunk(' noon.'),
    thought('b', 2, { thought: 'It is noon.' }),
    end,
  ]))
  assert.equal(renderedText(item), 'Let me check.It is noon.\nIt is noon.')
})

test('a chat (not agent) stream renders its content', async () => {
  const item = await receiveAnswer(sse([
    { event: 'message', ...ids, id: 'm', answer: 'Hello' },
    { event: 'message', ...ids, id: 'm', answer: ' world' },
    end,
  ]))
  assert.equal(renderedText(item), 'Hello world')
})
