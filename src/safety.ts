import type { RunContext } from './domain/context.js'
import { UnsafeEventError } from './domain/errors.js'

const SAFE_EXAMPLE = `Run the check in a pull_request workflow (read-only token, no secrets) and publish from a second workflow:

  # .github/workflows/race-guard.yml
  on: pull_request
  jobs:
    check:
      runs-on: ubuntu-latest
      permissions: { contents: read }
      steps:
        - uses: actions/checkout@<sha>
        - uses: go-race-gc-guard@<sha>
          with: { comment: false }

  # .github/workflows/race-guard-report.yml
  on:
    workflow_run: { workflows: [race-guard], types: [completed] }
  jobs:
    report:
      runs-on: ubuntu-latest
      permissions: { pull-requests: write, actions: read }
      steps:
        - uses: go-race-gc-guard@<sha>
          with: { mode: report }`

/**
 * Refuses to run Go (the PR's code) in a privileged context: under pull_request_target or
 * workflow_run the job holds a write token and secrets, so checking out the PR's head and
 * running its tests hands them to the PR's author (a "pwn request",
 * security-and-reliability.md §1.1). Pure: the caller passes HEAD and its parents.
 */
export function assertSafeToRunGo(ctx: RunContext, head: { sha: string; parents: string[] }): void {
  const prHead = (ctx.payload.pull_request as { head?: { sha?: string } } | undefined)?.head?.sha
  const runHead = (ctx.payload.workflow_run as { head_sha?: string } | undefined)?.head_sha
  const untrusted =
    ctx.eventName === 'pull_request_target'
      ? prHead
      : ctx.eventName === 'workflow_run'
        ? runHead
        : undefined
  if (!untrusted) return
  if (head.sha === untrusted || head.parents.includes(untrusted)) {
    throw new UnsafeEventError(
      `Refusing to run Go under ${ctx.eventName} with the pull request's code checked out: this job has a ` +
        `write token and secrets, and the PR's tests would run with them. Use mode: report here instead.\n\n` +
        SAFE_EXAMPLE
    )
  }
}
