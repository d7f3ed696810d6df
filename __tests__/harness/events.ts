/** Webhook payloads for `GITHUB_EVENT_PATH`, shaped like the fields the action reads. */
import { BASE_REPO_ID } from './fake-github.js'

export interface PrEventOptions {
  number: number
  baseSha: string
  headSha: string
  baseRef?: string
  headRef?: string
  /** Head repository is a fork (`head.repo.fork`, different full_name and id). */
  fork?: boolean
  owner?: string
  repo?: string
}

function repository(owner: string, repo: string) {
  return { id: BASE_REPO_ID, name: repo, full_name: `${owner}/${repo}`, owner: { login: owner } }
}

/** A `pull_request` (synchronize) payload. */
export function prEvent(o: PrEventOptions): Record<string, unknown> {
  const owner = o.owner ?? 'owner'
  const repo = o.repo ?? 'repo'
  const base = repository(owner, repo)
  const headRepo = o.fork
    ? { id: 200, name: repo, full_name: `forker/${repo}`, owner: { login: 'forker' }, fork: true }
    : { ...base, fork: false }
  return {
    action: 'synchronize',
    number: o.number,
    pull_request: {
      number: o.number,
      html_url: `http://github.localhost/${owner}/${repo}/pull/${o.number}`,
      head: { sha: o.headSha, ref: o.headRef ?? 'feature', repo: headRepo },
      base: { sha: o.baseSha, ref: o.baseRef ?? 'main', repo: { ...base, fork: false } }
    },
    repository: base
  }
}

/** A `workflow_run` (completed) payload for report mode. */
export function workflowRunEvent(o: {
  runId: number
  headSha: string
  /** Listed in `workflow_run.pull_requests` unless `fork` (GitHub leaves it empty for forks). */
  prNumber?: number
  fork?: boolean
  headBranch?: string
  owner?: string
  repo?: string
}): Record<string, unknown> {
  const owner = o.owner ?? 'owner'
  const repo = o.repo ?? 'repo'
  const prs =
    o.prNumber !== undefined && !o.fork ? [{ number: o.prNumber, head: { sha: o.headSha } }] : []
  return {
    action: 'completed',
    workflow_run: {
      id: o.runId,
      event: 'pull_request',
      status: 'completed',
      conclusion: 'success',
      head_sha: o.headSha,
      head_branch: o.headBranch ?? 'feature',
      pull_requests: prs,
      head_repository: {
        id: o.fork ? 200 : BASE_REPO_ID,
        full_name: o.fork ? `forker/${repo}` : `${owner}/${repo}`
      },
      repository: { id: BASE_REPO_ID, full_name: `${owner}/${repo}` }
    },
    repository: repository(owner, repo)
  }
}
