import { describe, expect, it } from 'vitest'
import type { RunContext } from '../../src/domain/context.js'
import { UnsafeEventError } from '../../src/domain/errors.js'
import { assertSafeToRunGo } from '../../src/safety.js'

const ctx = (eventName: string, payload: Record<string, unknown>): RunContext => ({
  eventName,
  payload,
  workspace: '/w',
  tempDir: '/t',
  serverUrl: 'https://github.com',
  apiUrl: 'https://api.github.com',
  owner: 'o',
  repo: 'r',
  runId: '1',
  runAttempt: '1',
  job: 'j',
  sha: ''
})
const prHead = 'a'.repeat(40)
const target = ctx('pull_request_target', { pull_request: { head: { sha: prHead } } })

describe('assertSafeToRunGo', () => {
  it('refuses pull_request_target with the PR head or its merge checked out, with the safe example', () => {
    expect(() => assertSafeToRunGo(target, { sha: prHead, parents: [] })).toThrow(UnsafeEventError)
    expect(() =>
      assertSafeToRunGo(target, { sha: 'm'.repeat(40), parents: ['b'.repeat(40), prHead] })
    ).toThrow(/workflow_run/)
  })
  it('allows pull_request_target on the base checkout, and plain pull_request', () => {
    expect(() => assertSafeToRunGo(target, { sha: 'b'.repeat(40), parents: [] })).not.toThrow()
    const pr = ctx('pull_request', { pull_request: { head: { sha: prHead } } })
    expect(() => assertSafeToRunGo(pr, { sha: prHead, parents: [] })).not.toThrow()
  })
  it('refuses workflow_run with the triggering head checked out', () => {
    const run = ctx('workflow_run', { workflow_run: { head_sha: prHead } })
    expect(() => assertSafeToRunGo(run, { sha: prHead, parents: [] })).toThrow(UnsafeEventError)
  })
})
