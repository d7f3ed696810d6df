/**
 * Report mode's entry for src/main.ts: read the triggering run from the `workflow_run` payload,
 * load its checked and merged reports through @actions/artifact and Octokit, and write the merged
 * report where check mode writes its own.
 */
import { DefaultArtifactClient } from '@actions/artifact'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Config } from '../domain/config.js'
import type { RunContext } from '../domain/context.js'
import type { Report } from '../domain/model.js'
import type { Logger } from '../ports.js'
import { actionsArtifactSource } from './artifact-source.js'
import { loadRunReport, type TriggeringRun } from './load-run-report.js'
import { createGitHubClient, fetchPullHead } from './octokit-store.js'

/** The payload is not a `workflow_run` event we can use. */
export class NotWorkflowRunError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'NotWorkflowRunError'
  }
}

const isSha = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{40}$/.test(v)

const runOf = (id: number, headSha: string, repoId: unknown): TriggeringRun => ({
  id,
  headSha,
  headRepoId: typeof repoId === 'number' ? repoId : null
})

/** The triggering run from a `workflow_run` payload. */
export function triggeringRunFrom(payload: unknown): TriggeringRun {
  const wr = (payload as { workflow_run?: Record<string, unknown> } | null)?.workflow_run
  const id = wr?.id
  const headSha = wr?.head_sha
  if (typeof id !== 'number' || !isSha(headSha)) {
    throw new NotWorkflowRunError(
      'mode: report runs on a workflow_run event (on: workflow_run: types: [completed]) or in a ' +
        'pull_request job after the check jobs (needs:); this event has neither a workflow_run ' +
        'id and head_sha nor a pull_request head'
    )
  }
  return runOf(id, headSha, (wr?.head_repository as { id?: unknown } | undefined)?.id)
}

/**
 * The run whose reports to publish: the triggering run of a `workflow_run` event, or — for a
 * final job in the same workflow (`needs:` on the matrix shards) — this very run and its PR.
 */
export function reportRunFrom(ctx: RunContext): TriggeringRun {
  if (ctx.eventName !== 'workflow_run' && ctx.eventName.startsWith('pull_request')) {
    const pr = ctx.payload.pull_request as
      { head?: { sha?: unknown; repo?: { id?: unknown } } } | undefined
    const headSha = pr?.head?.sha
    const id = Number(ctx.runId)
    if (isSha(headSha) && Number.isInteger(id) && id > 0)
      return runOf(id, headSha, pr?.head?.repo?.id)
  }
  return triggeringRunFrom(ctx.payload)
}

/**
 * Report mode: the triggering run's reports, checked and merged, also written to
 * `<outDir>/report.json`. Throws `HostileArtifactError`, `InvalidReportError`, `NoReportError`
 * or `NotWorkflowRunError` with a message that says what was refused.
 */
export async function runReportMode(o: {
  config: Config
  ctx: RunContext
  env: NodeJS.ProcessEnv
  logger: Logger
  outDir: string
}): Promise<Report> {
  const { config, ctx, logger } = o
  const run = reportRunFrom(ctx)
  const where = { owner: ctx.owner, repo: ctx.repo }
  const gh = createGitHubClient({ token: config.githubToken, baseUrl: ctx.apiUrl, logger })
  const loaded = await loadRunReport({
    source: actionsArtifactSource(new DefaultArtifactClient(), {
      token: config.githubToken,
      ...where
    }),
    run,
    artifactPrefix: config.artifactName,
    tempParent: ctx.tempDir,
    pullHead: (n) => fetchPullHead(gh, { ...where, pullNumber: n }),
    // No policy: the verdict follows the fail-on-* settings the check jobs recorded.
    logger
  })
  await fs.mkdir(o.outDir, { recursive: true })
  await fs.writeFile(path.join(o.outDir, 'report.json'), JSON.stringify(loaded.report, null, 2))
  return loaded.report
}
