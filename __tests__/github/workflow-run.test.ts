/** Reading the triggering run from a workflow_run payload. */
import { describe, expect, it } from 'vitest'
import { workflowRunEvent } from '../harness/index.js'
import { NotWorkflowRunError, triggeringRunFrom } from '../../src/github/report-mode.js'

describe('triggeringRunFrom', () => {
  it('reads the run id, head SHA and head repository', () => {
    const ev = workflowRunEvent({ runId: 77, headSha: 'c'.repeat(40), fork: true })
    expect(triggeringRunFrom(ev)).toEqual({ id: 77, headSha: 'c'.repeat(40), headRepoId: 200 })
  })

  it('refuses other events and malformed SHAs', () => {
    expect(() => triggeringRunFrom({ pull_request: {} })).toThrow(NotWorkflowRunError)
    const bad = workflowRunEvent({ runId: 1, headSha: 'x; rm -rf /' })
    expect(() => triggeringRunFrom(bad)).toThrow(/workflow_run/)
  })
})
