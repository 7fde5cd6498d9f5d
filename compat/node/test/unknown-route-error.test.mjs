// A route the server does not serve, called through the SDK (axios sends "Accept: application/json,
// text/plain, */*"), answers Dify's {"code", "message", "status"}, not the web framework's own JSON.
import { test } from 'node:test'
import { CompletionClient } from 'dify-client'
import { env, expectDifyError } from '../src/harness.mjs'

test('CompletionClient.runWorkflow: workflows are not served, a Dify-shaped 404', async () => {
  const completion = new CompletionClient(env.completionKey, env.baseUrl)
  await expectDifyError(completion.runWorkflow({}, `sdk-${process.pid}`, false), 404)
})
