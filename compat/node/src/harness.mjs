// What the compatibility tests share: where the server is, how to read an SSE body, and what a
// Dify error looks like.
import assert from 'node:assert/strict'

function required(name) {
  const value = process.env[name]
  if (!value) { throw new Error(`${name} is not set: run these tests through CompatNodeTest (see docs/compatibility.md)`) }
  return value
}

export const env = {
  /** The Service API base, ending in /v1, as Dify clients take it. */
  baseUrl: required('SHORTLEASE_API'),
  chatKey: required('SHORTLEASE_CHAT_KEY'),
  agentKey: required('SHORTLEASE_AGENT_KEY'),
  completionKey: required('SHORTLEASE_COMPLETION_KEY'),
  /** A chat app that takes uploaded images. */
  filesKey: required('SHORTLEASE_FILES_KEY'),
}

/** The data: events of a server-sent event stream (a Node readable), parsed, in order. */
export async function events(stream) {
  let text = ''
  for await (const chunk of stream) { text += chunk }
  return text.split('\n\n')
    .filter(block => block.startsWith('data: '))
    .map(block => JSON.parse(block.substring(6)))
}

/** The call fails with `status` and Dify's error body {code, message, status}. */
export async function expectDifyError(call, status) {
  await assert.rejects(call, (error) => {
    assert.equal(error.response?.status, status, `expected ${status}, got ${error.response?.status ?? error}`)
    const body = error.response.data
    assert.equal(typeof body.code, 'string')
    assert.equal(typeof body.message, 'string')
    assert.equal(body.status, status)
    return true
  })
}
