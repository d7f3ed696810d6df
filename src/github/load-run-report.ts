/**
 * The core of report mode (`mode: report`, run by `workflow_run`): fetch the triggering run's report
 * artifacts, treat them as hostile (size limits, zip checks, schema validation, nothing written
 * outside a fresh temp folder), confirm the PR and head commit through the API, and merge the
 * shards into one report for publishing. No Go and no PR code runs here.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Report } from '../domain/model.js'
import type { Logger } from '../ports.js'
import type { VerdictPolicy } from '../verdict.js'
import type { RunArtifact, RunArtifactSource } from './artifact-source.js'
import { sanitizeArtifactName } from './artifact-upload.js'
import { mergeReports } from './merge-reports.js'
import {
  DEFAULT_ZIP_LIMITS,
  HostileArtifactError,
  readZipEntries,
  type ZipLimits
} from './safe-zip.js'
import { validateReport } from './validate-report.js'

/** The file inside each results artifact that report mode reads. */
export const REPORT_FILE = 'report.json'

export interface TriggeringRun {
  /** `event.workflow_run.id` */
  id: number
  /** `event.workflow_run.head_sha` */
  headSha: string
  /** `event.workflow_run.head_repository.id`, when present. */
  headRepoId: number | null
}

export interface LoadRunReportOptions {
  source: RunArtifactSource
  run: TriggeringRun
  /** The `artifact-name` input: only artifacts whose name starts with it are read. */
  artifactPrefix: string
  /** A parent folder (RUNNER_TEMP); a fresh folder is made inside and removed afterwards. */
  tempParent: string
  /** GET /pulls/{n}: its head SHA and head repository id, or null when there is no such PR. */
  pullHead: (prNumber: number) => Promise<{ sha: string; repoId: number | null } | null>
  limits?: Partial<ZipLimits>
  /** Largest artifact (zip) accepted, in bytes, checked before download. Default 64 MiB. */
  maxArtifactBytes?: number
  policy?: VerdictPolicy
  logger: Pick<Logger, 'info' | 'warning'>
}

export interface LoadedRunReport {
  report: Report
  prNumber: number
  /** Names of the artifacts that were merged. */
  artifacts: string[]
}

/** Report mode could not find anything to publish (not an attack; e.g. the run failed early). */
export class NoReportError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'NoReportError'
  }
}

const shardKey = (r: Report) => (r.shard ? `${r.shard.index}/${r.shard.total}` : 'single')
const time = (a: RunArtifact) => a.createdAt?.getTime() ?? 0

/** Download, check and merge the triggering run's reports. */
export async function loadRunReport(o: LoadRunReportOptions): Promise<LoadedRunReport> {
  const limits = { ...DEFAULT_ZIP_LIMITS, ...o.limits }
  const maxBytes = o.maxArtifactBytes ?? 64 * 1024 * 1024
  const prefix = sanitizeArtifactName(o.artifactPrefix)
  const ours = (await o.source.list(o.run.id)).filter((a) => a.name.startsWith(prefix))
  if (ours.length === 0) {
    throw new NoReportError(`run ${o.run.id} has no artifact whose name starts with "${prefix}"`)
  }
  const dir = await fs.mkdtemp(path.join(o.tempParent, 'grgg-report-'))
  const found: { artifact: RunArtifact; report: Report }[] = []
  try {
    for (const [i, artifact] of ours.entries()) {
      if (artifact.size > maxBytes) {
        throw new HostileArtifactError(
          `artifact ${artifact.name} is ${artifact.size} bytes (limit ${maxBytes})`
        )
      }
      const dest = path.join(dir, String(i))
      await fs.mkdir(dest)
      const zip = await o.source.downloadZip(artifact, o.run.id, dest)
      if (path.dirname(path.resolve(zip)) !== path.resolve(dest)) {
        throw new HostileArtifactError(`artifact ${artifact.name} was saved outside its folder`)
      }
      const stat = await fs.lstat(zip)
      if (!stat.isFile() || stat.size > maxBytes) {
        throw new HostileArtifactError(
          `artifact ${artifact.name}: download is not a regular file within ${maxBytes} bytes`
        )
      }
      let entries: Map<string, Buffer>
      try {
        entries = await readZipEntries(zip, (n) => n === REPORT_FILE, limits)
      } catch (e) {
        if (e instanceof HostileArtifactError) {
          throw new HostileArtifactError(`artifact ${artifact.name} refused: ${e.message}`)
        }
        throw e
      }
      const raw = entries.get(REPORT_FILE)
      if (!raw) {
        o.logger.warning(`Artifact ${artifact.name} has no ${REPORT_FILE}; skipped.`)
        continue
      }
      let parsed: unknown
      try {
        parsed = JSON.parse(raw.toString('utf8'))
      } catch {
        throw new HostileArtifactError(`artifact ${artifact.name}: ${REPORT_FILE} is not JSON`)
      }
      found.push({ artifact, report: validateReport(parsed, `artifact ${artifact.name}`) })
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
  if (found.length === 0)
    throw new NoReportError(`no ${REPORT_FILE} in the artifacts of run ${o.run.id}`)

  const prNumber = await confirmPullRequest(
    o,
    found.map((f) => f.report)
  )
  // A re-run leaves older attempts' artifacts behind: keep the newest report per shard.
  const latest = new Map<string, { artifact: RunArtifact; report: Report }>()
  for (const f of found) {
    const k = shardKey(f.report)
    const prev = latest.get(k)
    if (!prev || time(f.artifact) >= time(prev.artifact)) latest.set(k, f)
  }
  const chosen = [...latest.values()]
  o.logger.info(`Merging ${chosen.length} report(s) from run ${o.run.id} for PR #${prNumber}.`)
  return {
    report: mergeReports(
      chosen.map((c) => c.report),
      o.policy
    ),
    prNumber,
    artifacts: chosen.map((c) => c.artifact.name)
  }
}

/**
 * The PR number comes from the artifact, which the PR's own code could have written: accept it
 * only when the API says that PR's head is the commit the triggering run built.
 */
async function confirmPullRequest(o: LoadRunReportOptions, reports: Report[]): Promise<number> {
  const numbers = new Set(reports.map((r) => r.repo.prNumber))
  const [n] = [...numbers]
  if (numbers.size !== 1 || n === null || !Number.isInteger(n) || n <= 0) {
    throw new HostileArtifactError(
      `the reports name no single PR number (${[...numbers].join(', ')})`
    )
  }
  for (const r of reports) {
    if (r.repo.headSha !== o.run.headSha) {
      throw new HostileArtifactError(
        `a report is for commit ${r.repo.headSha.slice(0, 12)}, but the triggering run built ${o.run.headSha.slice(0, 12)}`
      )
    }
  }
  const pr = await o.pullHead(n)
  if (!pr) throw new HostileArtifactError(`the reports name PR #${n}, which does not exist`)
  if (pr.sha !== o.run.headSha) {
    throw new HostileArtifactError(
      `the reports name PR #${n}, whose head is ${pr.sha.slice(0, 12)}, not the triggering run's commit ` +
        `${o.run.headSha.slice(0, 12)} (a wrong PR number, or the PR moved on and its newer run will publish)`
    )
  }
  if (o.run.headRepoId !== null && pr.repoId !== null && pr.repoId !== o.run.headRepoId) {
    throw new HostileArtifactError(`PR #${n} comes from another repository than the triggering run`)
  }
  return n
}
