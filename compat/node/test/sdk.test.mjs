// Dify's Node SDK (npm dify-client, pinned in package-lock.json) against a running shortlease: every
// method the SDK has, called as an application would. The server and keys come from the
// environment (CompatNodeTest starts the server and sets them; see docs/compatibility.md).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { ChatClient, CompletionClient, DifyClient } from 'dify-client'
import { env, events, expectDifyError } from '../src/harness.mjs'

const chat = new ChatClient(env.chatKey, env.baseUrl)
const completion = new CompletionClient(env.completionKey, env.baseUrl)
const user = `sdk-${process.pid}`

test('ChatClient.createChatMessage blocking, then the conversation is listed and continued', async () => {
  const first = await chat.createChatMessage({}, 'Hello from the SDK', user, false)
  assert.equal(first.status, 200)
  assert.equal(first.data.event, 'message')
  assert.equal(first.data.mode, 'chat')
  assert.ok(first.data.answer.length > 0)
  assert.match(first.data.conversation_id, /^[0-9a-f-]{36}$/)

  const next = await chat.createChatMessage({}, 'Tell me more', user, false, first.data.conversation_id)
  assert.equal(next.data.conversation_id, first.data.conversation_id)
})

test('ChatClient.createChatMessage streaming: message chunks, then message_end', async () => {
  const response = await chat.createChatMessage({}, 'Stream please', user, true)
  assert.equal(response.status, 200)
  assert.match(response.headers['content-type'], /^text\/event-stream/)
  const all = await events(response.data)
  const kinds = all.map(e => e.event).filter(e => e !== 'ping')
  assert.equal(kinds.at(-1), 'message_end')
  assert.ok(kinds.slice(0, -1).every(k => k === 'message'), kinds.join(','))
  assert.ok(all.filter(e => e.event === 'message').map(e => e.answer).join('').length > 0)
})

test('ChatClient.getConversations (null first_id and pinned, as the SDK sends them)', async () => {
  const started = await chat.createChatMessage({}, 'A conversation to list', user, false)
  const listed = await chat.getConversations(user)
  assert.equal(listed.status, 200)
  assert.equal(typeof listed.data.has_more, 'boolean')
  assert.ok(listed.data.data.some(c => c.id === started.data.conversation_id))

  const page = await chat.getConversations(user, null, 1)
  assert.equal(page.data.limit, 1)
  assert.equal(page.data.data.length, 1)
})

test('ChatClient.getConversationMessages: the question and answer, paged by first_id', async () => {
  const first = await chat.createChatMessage({}, 'First question', user, false)
  const conversation = first.data.conversation_id
  const second = await chat.createChatMessage({}, 'Second question', user, false, conversation)

  const all = await chat.getConversationMessages(user, conversation)
  assert.equal(all.status, 200)
  assert.deepEqual(all.data.data.map(m => m.query), ['First question', 'Second question'])
  assert.equal(all.data.data[1].answer, second.data.answer)

  const older = await chat.getConversationMessages(user, conversation, second.data.message_id, 1)
  assert.deepEqual(older.data.data.map(m => m.id), [first.data.message_id])
})

test('ChatClient.renameConversation, by name and auto_generate', async () => {
  const started = await chat.createChatMessage({}, 'Name me', user, false)
  const id = started.data.conversation_id
  const renamed = await chat.renameConversation(id, 'Named by the SDK', user, false)
  assert.equal(renamed.status, 200)
  assert.equal(renamed.data.name, 'Named by the SDK')

  const generated = await chat.renameConversation(id, undefined, user, true)
  assert.equal(generated.status, 200)
  assert.ok(generated.data.name.length > 0)
})

test('ChatClient.deleteConversation: gone afterwards', async () => {
  const started = await chat.createChatMessage({}, 'Delete me', user, false)
  const id = started.data.conversation_id
  const deleted = await chat.deleteConversation(id, user)
  assert.equal(deleted.status, 204)
  await expectDifyError(chat.getConversationMessages(user, id), 404)
})

test('DifyClient.messageFeedback: like, then withdrawn with null', async () => {
  const answered = await chat.createChatMessage({}, 'Rate me', user, false)
  const liked = await chat.messageFeedback(answered.data.message_id, 'like', user)
  assert.equal(liked.status, 200)
  assert.equal(liked.data.result, 'success')
  const withdrawn = await chat.messageFeedback(answered.data.message_id, null, user)
  assert.equal(withdrawn.data.result, 'success')
  const listed = await chat.getConversationMessages(user, answered.data.conversation_id)
  assert.equal(listed.data.data[0].feedback, null)
})

test('DifyClient.getApplicationParameters', async () => {
  const parameters = await new DifyClient(env.chatKey, env.baseUrl).getApplicationParameters(user)
  assert.equal(parameters.status, 200)
  assert.ok(Array.isArray(parameters.data.user_input_form))
  assert.equal(typeof parameters.data.file_upload, 'object')
})

test('CompletionClient.createCompletionMessage blocking and streaming (the SDK sends no query, only inputs)', async () => {
  const blocking = await completion.createCompletionMessage({ query: 'Write a haiku' }, user, false)
  assert.equal(blocking.status, 200)
  assert.equal(blocking.data.mode, 'completion')
  assert.ok(blocking.data.answer.length > 0)

  const streamed = await completion.createCompletionMessage({ query: 'Write a haiku' }, user, true)
  const kinds = (await events(streamed.data)).map(e => e.event).filter(e => e !== 'ping')
  assert.equal(kinds.at(-1), 'message_end')
  assert.ok(kinds.includes('message'))
})

test('CompletionClient.runWorkflow: workflows are not served, 404', async () => {
  await assert.rejects(completion.runWorkflow({}, user, false), error => error.response?.status === 404)
})

test('a wrong key: a Dify-shaped 401 through the SDK; DifyClient.updateApiKey, then it works', async () => {
  const client = new ChatClient('app-not-a-key', env.baseUrl)
  await expectDifyError(client.getApplicationParameters(user), 401)
  client.updateApiKey(env.chatKey)
  assert.equal((await client.getApplicationParameters(user)).status, 200)
})

test('DifyClient.fileUpload: an image, in Dify\'s upload shape; a chat that refers to it', async () => {
  const user = `sdk-${process.pid}-files`
  const client = new ChatClient(env.filesKey, env.baseUrl)
  const form = new FormData()
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])
  form.append('file', new Blob([png], { type: 'image/png' }), 'cat.png')
  form.append('user', user)
  const uploaded = (await client.fileUpload(form)).data
  assert.equal(typeof uploaded.id, 'string')
  assert.equal(uploaded.name, 'cat.png')
  assert.equal(uploaded.extension, 'png')
  assert.equal(uploaded.mime_type, 'image/png')
  const files = [{ type: 'image', transfer_method: 'local_file', upload_file_id: uploaded.id }]
  const answer = (await client.createChatMessage({}, 'What is this?', user, false, null, files)).data
  assert.equal(typeof answer.answer, 'string')
})

// dify-client 2.3.2 (npm's latest) has no method for these reads; newer Dify SDKs call them as
// getRoot, getSite, getInfo and getMeta through the same request path as every method above.
test('DifyClient.sendRequest, the path every method takes: GET / (getRoot), /site, /info, /meta', async () => {
  const client = new DifyClient(env.chatKey, env.baseUrl)
  const root = await client.sendRequest('GET', '/')
  assert.equal(root.status, 200)
  assert.equal(root.data.welcome, 'Dify OpenAPI')
  assert.equal(root.data.api_version, 'v1')
  const site = await client.sendRequest('GET', '/site')
  assert.equal(typeof site.data.title, 'string')
  const info = await client.sendRequest('GET', '/info')
  assert.equal(info.data.mode, 'chat')
  const meta = await client.sendRequest('GET', '/meta')
  assert.equal(typeof meta.data.tool_icons, 'object')
})

test('every method of the pinned SDK is called in this file (a newer SDK adds its own here)', () => {
  const source = readFileSync(new URL(import.meta.url), 'utf8')
  const methods = [DifyClient, ChatClient, CompletionClient].flatMap(type =>
    Object.getOwnPropertyNames(type.prototype).filter(name => name !== 'constructor'))
  assert.ok(methods.length >= 12, methods.join(','))
  const uncalled = [...new Set(methods)].filter(name => !source.includes(`.${name}(`))
  assert.deepEqual(uncalled, [])
})
