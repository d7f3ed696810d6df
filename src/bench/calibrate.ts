/**
 * Calibration: samples of a fixed iteration count instead of a fixed duration.
 *
 * With a duration benchtime (`200ms`) every sample repeats the testing package's ramp-up (1, 100,
 * 10⁴, … iterations until one run lasts 200 ms) and its final run overshoots by about 20 %:
 * measured on the 20 power-study benchmarks, a 0.2 s sample costs 0.31 s of wall time. So the stage
 * first runs each top-level benchmark once per side (one process each, so a panic costs that
 * benchmark only): on base with the duration benchtime, on head with a tenth of it, since head only
 * needs to show which benchmarks it has and which fail. From then on every sample of a benchmark
 * runs alone with `-test.benchtime=<N>x`, N = benchtime ÷ base's ns/op (head's when base has no
 * such benchmark). No ramp-up, each sample lasts about `benchtime` on base, and base and head do
 * exactly the same number of iterations. The calibration runs use the first GC variant and are not
 * samples: they run a different regime (ramp-up, the whole benchmark tree in one process).
 *
 * Not calibrated: when benchtime is already `Nx` (fixed anyway), or when starting the package's
 * test binary (init and TestMain, probed with `-test.bench=^$`, the least of three tries) costs
 * more than a quarter of benchtime, where a process per benchmark would cost more than the ramp-up
 * it saves. Then every
 * sample runs the package's whole benchmark set in one process, like `go test -bench` does.
 */
import type { Side } from '../domain/model.js'
import { checkGoDuration } from '../config/validators.js'
import { exactBenchPatterns, quoteMeta, splitTopLevel } from './bench-regex.js'
import type { BenchContext, PackageTarget } from './context.js'
import { benchArgs, runOnce, type RunFailure } from './rounds.js'
import type { BenchResult } from './types.js'

/** One process of a round: a `-test.bench` pattern and the benchtime to run it with. */
export interface BenchRun {
  pattern: string
  benchtime: string
  /** The benchmarks this run measures; null: whatever the pattern selects. */
  names: string[] | null
}

/** What each side runs in one round, in order. */
export type SideRuns = Record<Side, BenchRun[]>

export interface CalibrationResult {
  /** Per package import path. */
  runs: Map<string, SideRuns>
  failures: RunFailure[]
  unparsed: string[]
  notes: string[]
}

/** Go's cap on b.N. */
const MAX_N = 1e9

/** A duration benchtime in nanoseconds; null for an iteration count like `1000x`. Pure. */
export function benchtimeNs(benchtime: string): number | null {
  if (/x$/.test(benchtime)) return null
  const d = checkGoDuration(benchtime)
  return d.ok && d.value > 0 ? d.value * 1e6 : null
}

/** How long each side's calibration run is: base the full benchtime, head a tenth. Pure. */
export function calibrationNsFor(targetNs: number): Record<Side, number> {
  return { base: targetNs, head: targetNs / 10 }
}

/** The iteration count that takes `targetNs` at `nsPerOp`, within 1..1e9. Pure. */
export function iterationsFor(nsPerOp: number, targetNs: number): number {
  if (!(nsPerOp > 0) || !Number.isFinite(nsPerOp)) return 1
  return Math.min(MAX_N, Math.max(1, Math.round(targetNs / nsPerOp)))
}

/** Every side with a binary runs the whole pattern with the configured benchtime. Pure. */
export function groupedRuns(t: PackageTarget, bench: string, benchtime: string): SideRuns {
  const one = [{ pattern: bench, benchtime, names: null }]
  return { base: t.base ? one : [], head: t.head ? one : [] }
}

/**
 * One run per benchmark and side from the calibration results: N from base's ns/op (head's for a
 * benchmark base does not have). A benchmark that hides ns/op (`b.ReportMetric(0, "ns/op")`) gets
 * its time per op from the calibration run's length ÷ its iterations (`calibrationNs`). A benchmark
 * runs only on the sides where calibration produced a result; where it failed, that failure is
 * reported and the side is not run again. Pure.
 */
export function calibratedRuns(
  cal: Record<Side, BenchResult[]>,
  targetNs: number,
  calibrationNs: Record<Side, number> = calibrationNsFor(targetNs)
): SideRuns {
  const nsPerOp = (side: Side) => {
    const m = new Map<string, number>()
    for (const r of cal[side]) {
      const ns =
        r.measurements.find((x) => x.unit === 'ns/op')?.value ??
        calibrationNs[side] / Math.max(1, r.iterations)
      // With several -cpu values, the slowest decides, so no sample runs much over benchtime.
      m.set(r.name, Math.max(ns, m.get(r.name) ?? 0))
    }
    return m
  }
  const base = nsPerOp('base')
  const head = nsPerOp('head')
  const runsOf = (own: Map<string, number>): BenchRun[] =>
    [...own.keys()].map((name) => ({
      pattern: exactBenchPatterns([name])[0],
      benchtime: `${iterationsFor(base.get(name) ?? head.get(name)!, targetNs)}x`,
      names: [name]
    }))
  return { base: runsOf(base), head: runsOf(head) }
}

/** The runs of `runs` that measure `names` (for confirmation rounds). Pure. */
export function restrictRuns(runs: SideRuns, names: ReadonlySet<string>): SideRuns {
  const pick = (list: BenchRun[]): BenchRun[] =>
    list.flatMap((r) =>
      r.names
        ? r.names.some((n) => names.has(n))
          ? [r]
          : []
        : exactBenchPatterns([...names]).map((pattern) => ({ ...r, pattern, names: null }))
    )
  return { base: pick(runs.base), head: pick(runs.head) }
}

/** Probes, calibrates and plans the runs of every target. */
export async function calibrate(
  ctx: BenchContext,
  targets: readonly PackageTarget[]
): Promise<CalibrationResult> {
  const { bench, benchtime } = ctx.config
  const out: CalibrationResult = { runs: new Map(), failures: [], unparsed: [], notes: [] }
  const targetNs = benchtimeNs(benchtime)
  const { rest } = splitTopLevel(bench)
  for (const t of targets) {
    const startNs = targetNs === null ? null : await startupNs(ctx, t)
    if (targetNs === null || startNs === null || startNs > targetNs / 4) {
      if (targetNs !== null && startNs !== null)
        out.notes.push(
          `${t.importPath}: each sample runs all its benchmarks in one process with benchtime ${benchtime} (starting its test binary takes ${Math.round(startNs / 1e6)} ms, more than a quarter of benchtime)`
        )
      out.runs.set(t.importPath, groupedRuns(t, bench, benchtime))
      continue
    }
    const cal: Record<Side, BenchResult[]> = { base: [], head: [] }
    const calibrationNs = calibrationNsFor(targetNs)
    for (const side of ['base', 'head'] as const) {
      const build = t[side]
      if (!build) continue
      const time =
        side === 'base' ? benchtime : `${Math.max(1, Math.round(calibrationNs.head / 1e3))}us`
      for (const name of build.benchmarks) {
        const r = await runOnce(ctx, {
          target: t,
          side,
          variant: ctx.config.gcVariants[0],
          run: { pattern: `^${quoteMeta(name)}$${rest}`, benchtime: time, names: null },
          label: 'calibration'
        })
        cal[side].push(...r.results)
        out.failures.push(...r.failures)
        if (r.results.length === 0 && r.failures.length === 0)
          out.notes.push(
            `${t.importPath} ${name} (${side}): no result in calibration (skipped, or no sub-benchmark matches), not measured`
          )
        out.unparsed.push(...r.unparsed)
      }
    }
    out.runs.set(t.importPath, calibratedRuns(cal, targetNs, calibrationNs))
  }
  return out
}

/**
 * Wall time of starting the test binary and running no test or benchmark (the least of three
 * tries, so one slow spawn on a busy runner does not decide), or null when it fails.
 */
async function startupNs(ctx: BenchContext, t: PackageTarget): Promise<number | null> {
  const build = t.base ?? t.head
  if (!build) return null
  let best: number | null = null
  for (let i = 0; i < 3; i++) {
    const r = await ctx.runner.run({
      command: build.binary,
      args: benchArgs(ctx.config, '^$', ctx.config.benchtime),
      cwd: build.dir,
      env: ctx.config.gcVariants[0].env,
      timeoutMs: ctx.config.testTimeoutMs + 30_000,
      echo: false
    })
    if (r.exitCode !== 0) return null
    best = Math.min(best ?? Infinity, r.durationMs * 1e6)
  }
  return best
}
