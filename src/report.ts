import type { Checkouts } from './domain/checkouts.js'
import type { Config } from './domain/config.js'
import type { RunContext } from './domain/context.js'
import {
  REPORT_SCHEMA,
  type BenchSection,
  type Problem,
  type RaceSection,
  type Report
} from './domain/model.js'
import { decideVerdict } from './verdict.js'

export const TOOL_VERSION = '0.1.0'

export function emptyRaceSection(enabled: boolean): RaceSection {
  return { enabled, items: [], runs: [], unparsed: 0, unparsedSamples: [] }
}

export function emptyBenchSection(enabled: boolean): BenchSection {
  return {
    enabled,
    variants: [],
    comparisons: [],
    profiles: [],
    correction: '',
    unparsed: 0,
    unparsedSamples: [],
    benchstatText: {},
    rounds: 0,
    durationMs: 0
  }
}

/** Assembles the JSON report (pure) and decides its verdict. */
export function buildReport(input: {
  config: Config
  ctx: RunContext
  checkouts: Checkouts
  goVersion: string | null
  races: RaceSection
  benchmarks: BenchSection
  problems: Problem[]
}): Report {
  const { config, ctx, checkouts } = input
  const pr = ctx.payload.pull_request as { number?: unknown } | undefined
  const prNumber = typeof pr?.number === 'number' ? pr.number : null
  const runUrl =
    ctx.runId && ctx.owner
      ? `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${ctx.runId}`
      : null
  return {
    schema: REPORT_SCHEMA,
    toolVersion: TOOL_VERSION,
    goVersion: input.goVersion,
    repo: {
      serverUrl: ctx.serverUrl,
      owner: ctx.owner,
      repo: ctx.repo,
      headSha: checkouts.headSha,
      baseSha: checkouts.baseSha,
      prNumber,
      runUrl,
      moduleDir: checkouts.moduleDir
    },
    settings: {
      commentHeader: config.commentHeader,
      raceCount: config.raceCount,
      raceConfirm: config.raceConfirm,
      benchCount: config.benchCount,
      benchtime: config.benchtime,
      timeThreshold: config.timeThreshold,
      allocThreshold: config.allocThreshold,
      gcThreshold: config.gcThreshold,
      alpha: config.alpha,
      packages: config.packages,
      bench: config.bench,
      // Recorded so that a report-mode job merging shards judges as the check jobs did.
      failOnNewRaces: config.failOnNewRaces,
      failOnRaces: config.failOnRaces,
      failOnRegression: config.failOnRegression
    },
    shard: config.shard,
    races: input.races,
    benchmarks: input.benchmarks,
    problems: input.problems,
    artifact: null,
    verdict: decideVerdict(input, config)
  }
}
