import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  makeGitRepo,
  prEvent,
  runAction,
  startFakeServer,
  type FakeServer,
  PLAIN_MODULE
} from '../harness/index.js'

const files = PLAIN_MODULE

let fake: FakeServer
beforeAll(async () => {
  fake = await startFakeServer()
})
afterAll(async () => {
  await fake.close()
})

describe('pull_request_target with the PR head checked out', () => {
  it('refuses to run Go, explains why and shows the safe two-workflow setup', async () => {
    const repo = await makeGitRepo({
      baseFiles: files,
      headFiles: { ...files, 'x_test.go': 'package plain\n' }
    })
    const r = await runAction({
      workspace: repo.dir,
      fake,
      eventName: 'pull_request_target',
      event: prEvent({ number: 9, baseSha: repo.baseSha, headSha: repo.headSha }),
      inputs: { cache: 'false' }
    })
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toContain('Refusing to run Go under pull_request_target')
    expect(r.stdout).toContain('workflow_run')
    // Nothing ran: no Go setup group, no comment, no artifact.
    expect(r.stdout).not.toContain('::group::Set up Go')
    expect(fake.github.commentsOn(9)).toHaveLength(0)
    expect(r.requests.some((q) => q.pathname.includes('CreateArtifact'))).toBe(false)
  })
})
