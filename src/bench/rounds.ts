/**
 * Interleaved rounds. Within a GC variant, round r runs every package on one side and then on
 * the other, alternating which side goes first (AB, BA, AB, ... = ABBA pairs), so slow drift on
 * the runner (CPU credits, neighbours, heat) hits both sides alike. Each run is one process with
 * `-test.count=1`, stderr merged into stdout so gctrace lines stay in order.
 */
import type { Config, GcVariant } from '../domain/config.js'
import type { Side } from '../domain/model.js'
import type { BenchRun, SideRuns } from './calibrate.js'
import type { BenchContext, PackageTarget } from './context.js'
import { parseRunOutput } from './run-output.js'
import { translateTestFlags } from './test-flags.js'
import type { BenchFailure, BenchResult, Sample } from './types.js'

/** A failure seen in some run, with where it happened. */
export interface RunFailure extends BenchFailure {
  side: Side
  package: string
  variant: string
}

export interface RoundsResult {
  samples: Sample[]
  failures: RunFailure[]
  unparsed: string[]
}

export interface RoundsPlan {
  variant: GcVariant
  /** Which packages, and what each side runs per round (calibrate.ts). */
  work: { target: PackageTarget; runs: SideRuns }[]
  rounds: number
  /** Number the first round gets (confirmation rounds continue after the initial ones). */
  firstRound: number
}

/** The argument list for one measured run. */
export function benchArgs(config: Config, pattern: string, benchtime: string): string[] {
  return [
    '-test.run=^$',
    `-test.bench=${pattern}`,
    `-test.benchtime=${benchtime}`,
    '-test.count=1',
    '-test.benchmem',
    `-test.timeout=${config.testTimeout}`,
    ...translateTestFlags(config.testFlags).args
  ]
}

/** Runs the plan's rounds and returns every sample and failure. */
export async function runRounds(ctx: BenchContext, plan: RoundsPlan): Promise<RoundsResult> {
  const out: RoundsResult = { samples: [], failures: [], unparsed: [] }
  for (let k = 0; k < plan.rounds; k++) {
    const round = plan.firstRound + k
    // By round number, so rounds run in several calls (confirmation's looks) keep alternating.
    const order: Side[] = round % 2 === 1 ? ['base', 'head'] : ['head', 'base']
    for (const side of order) {
      for (const { target, runs } of plan.work) {
        for (const run of runs[side]) {
          const r = await runOnce(ctx, { target, side, variant: plan.variant, run })
          out.samples.push(...r.results.map((x) => ({ ...x, ...r.where, round })))
          out.failures.push(...r.failures)
          out.unparsed.push(...r.unparsed)
        }
      }
    }
  }
  return out
}

/** One process: a side's test binary, one pattern, gctrace merged into stdout. */
export async function runOnce(
  ctx: BenchContext,
  r: { target: PackageTarget; side: Side; variant: GcVariant; run: BenchRun; label?: string }
): Promise<{
  results: BenchResult[]
  failures: RunFailure[]
  unparsed: string[]
  where: { side: Side; package: string; variant: string }
}> {
  const build = r.target[r.side]!
  const res = await ctx.runner.run({
    command: build.binary,
    args: benchArgs(ctx.config, r.run.pattern, r.run.benchtime),
    cwd: build.dir,
    env: { ...r.variant.env, GODEBUG: 'gctrace=1' },
    mergeStderr: true,
    timeoutMs: ctx.config.testTimeoutMs + 30_000,
    echo: false
  })
  const text = res.stdout + (res.stderr ? `\n${res.stderr}` : '')
  const parsed = parseRunOutput(text)
  const where = { side: r.side, package: r.target.importPath, variant: r.variant.label }
  const tagged = { ...where, variant: r.label ? `${where.variant}, ${r.label}` : where.variant }
  const failures: RunFailure[] = parsed.failures.map((f) => ({ ...f, ...tagged }))
  if (res.timedOut) {
    failures.push({ ...tagged, name: null, kind: 'no-result', detail: ['timed out'] })
  } else if (res.exitCode !== 0 && parsed.failures.length === 0) {
    const tail = text.trim().split('\n').slice(-10)
    failures.push({
      ...tagged,
      name: null,
      kind: 'no-result',
      detail: [`exit status ${res.exitCode}`, ...tail]
    })
  }
  const unparsed = parsed.unparsed.map(
    (l) => `${r.target.importPath} (${r.side}${r.label ? `, ${r.label}` : ''}): ${l}`
  )
  return { results: parsed.results, failures, unparsed, where }
}

/** Runs `rounds` interleaved rounds of every variant. */
export async function measure(
  ctx: BenchContext,
  targets: PackageTarget[],
  rounds: number,
  firstRound: number,
  runs: (t: PackageTarget) => SideRuns,
  variants: readonly GcVariant[] = ctx.config.gcVariants
): Promise<RoundsResult> {
  const all: RoundsResult = { samples: [], failures: [], unparsed: [] }
  for (const variant of variants) {
    const work = targets
      .map((target) => ({ target, runs: runs(target) }))
      .filter((w) => w.runs.base.length + w.runs.head.length > 0)
    if (work.length === 0) continue
    const r = await ctx.logger.group(`Benchmarks ${variant.label}: ${rounds} rounds`, () =>
      runRounds(ctx, { variant, work, rounds, firstRound })
    )
    all.samples.push(...r.samples)
    all.failures.push(...r.failures)
    all.unparsed.push(...r.unparsed)
  }
  return all
}
