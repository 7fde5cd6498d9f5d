// Pending: a route the server does not serve, called through the SDK (axios sends
// "Accept: application/json, text/plain, */*"), answers Javalin's own problem JSON
// ({"title", "status", "type", "details"}) instead of Dify's {"code", "message", "status"}. Move this
// file to test/ when unknown routes answer Dify's 404 body whatever the Accept header.
import { test } from 'node:test'
import { CompletionClient } from 'dify-client'
import { env, expectDifyError } from '../src/harness.mjs'

test('CompletionClient.runWorkflow: workflows are not served, a Dify-shaped 404', async () => {
  const completion = new CompletionClient(env.completionKey, env.baseUrl)
  await expectDifyError(completion.runWorkflow({}, `sdk-${process.pid}`, false), 404)
})
