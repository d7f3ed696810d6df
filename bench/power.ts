/**
 * Statistical power of the bench gate on the 20 real benchmarks of the power-study module.
 * Run: `npx tsx bench/power.ts` (env: POWER_BENCHTIME, POWER_VARIANTS, POWER_BASE_RUNS,
 * POWER_HEAD_RUNS, POWER_SIMS, POWER_POOL_FILE to reuse a collected pool).
 *
 * Method (honest version): running the whole stage 1000 times is too slow for a 2-core box, so a
 * pool of real samples is collected once (bench-pool.ts: every sample is a separate process, the
 * three builds interleaved) and each simulated CI run draws its samples from that pool WITHOUT
 * replacement within a stage: bench-count (10) base runs and 10 head runs (for A/A the head runs
 * are 10 other base runs), gate stage 1 (screen) on all 20 benchmarks × every metric × every GC
 * variant, then stage 2 (confirm) on fresh draws for the suspects. Stage-2 draws may reuse runs
 * seen in stage 1 (the pool is finite), which makes false alarms MORE likely than in reality, so
 * the A/A rate is an upper estimate. The pool runs at the default benchtime (200ms) unless
 * POWER_BENCHTIME says otherwise; the per-benchmark table shows how detection depends on the
 * run-to-run spread of the machine the pool was collected on.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import {
  confirm,
  confirmationRounds,
  screen,
  type GateSettings,
  type MetricSamples
} from '../src/bench/gate.js'
import type { BenchResult } from '../src/bench/types.js'
import { tidyUnit } from '../src/bench/units.js'
import { collectPool, type BuildName, type Pool } from './bench-pool.js'

export interface PowerResult {
  sims: number
  benchtime: string
  variants: string[]
  /** Share of A/A runs that flagged anything (regression or improvement). */
  aaFalseAlarmRate: number
  /** Share of (benchmark, variant) sec/op comparisons flagged as regressions with +10% work. */
  slow10DetectionRate: number
  /** Per variant and benchmark: +10% detection rate and the base pool's spread (IQR / median). */
  perBenchmark: { variant: string; benchmark: string; detection: number; spread: number }[]
  /** Share of runs in which every benchmark's +10% was caught under every variant. */
  slow10AllCaughtRate: number
  /** Share of (benchmark, variant) allocs/op comparisons flagged with +1 allocation. */
  alloc1DetectionRate: number
  /**
   * Other metrics flagged in the slow10 scenario. Not false alarms: 11 repetitions instead of 10
   * also allocate 10% more, so B/op, allocs/op and the GC metrics really change.
   */
  slow10OtherFlags: number
}

const SETTINGS: GateSettings = {
  alpha: 0.05,
  timeThreshold: 0.1,
  allocThreshold: 0.05,
  gcThreshold: 0.1
}
const COUNT = 10

/** Deterministic PRNG so results are reproducible. */
function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32
}

function draw(
  n: number,
  from: number,
  rand: () => number,
  exclude: Set<number> = new Set()
): number[] {
  const idx = [...Array(from).keys()].filter((i) => !exclude.has(i))
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[idx[i], idx[j]] = [idx[j], idx[i]]
  }
  if (idx.length < n) throw new Error(`pool too small: need ${n}, have ${idx.length}`)
  return idx.slice(0, n)
}

/** MetricSamples for every benchmark × metric of one variant from chosen runs. */
function metrics(variant: string, base: BenchResult[][], head: BenchResult[][]): MetricSamples[] {
  const out = new Map<string, MetricSamples>()
  const add = (runs: BenchResult[][], side: 'base' | 'head') => {
    for (const run of runs) {
      for (const r of run) {
        for (const m of r.measurements) {
          const t = tidyUnit(m.unit)
          const key = `${r.name}|${t.unit}`
          const e = out.get(key) ?? {
            variant,
            package: 'example.com/power/work',
            benchmark: r.name,
            unit: t.unit,
            base: [],
            head: []
          }
          e[side].push(m.value * t.factor)
          out.set(key, e)
        }
      }
    }
  }
  add(base, 'base')
  add(head, 'head')
  return [...out.values()].filter((m) => m.base.length && m.head.length)
}

/** One simulated CI run of the gate; returns the final comparisons. */
function simulate(pool: Pool, head: BuildName, rand: () => number) {
  const list: MetricSamples[] = []
  const used: Record<string, { base: Set<number>; head: Set<number> }> = {}
  for (const [variant, runs] of Object.entries(pool)) {
    const b = draw(COUNT, runs.base.length, rand)
    const h =
      head === 'base'
        ? draw(COUNT, runs.base.length, rand, new Set(b))
        : draw(COUNT, runs[head].length, rand)
    used[variant] = { base: new Set(b), head: new Set(h) }
    list.push(
      ...metrics(
        variant,
        b.map((i) => runs.base[i]),
        h.map((i) => runs[head][i])
      )
    )
  }
  const screened = screen(list, SETTINGS)
  const n = confirmationRounds(screened.suspects.length, SETTINGS.alpha, COUNT)
  const fresh = new Map<number, MetricSamples>()
  const redraw = new Map<string, MetricSamples[]>()
  for (const i of screened.suspects) {
    const variant = list[i].variant
    if (!redraw.has(variant)) {
      const runs = pool[variant]
      const b = draw(Math.min(n, runs.base.length), runs.base.length, rand)
      const h =
        head === 'base'
          ? draw(Math.min(n, runs.base.length - b.length), runs.base.length, rand, new Set(b))
          : draw(Math.min(n, runs[head].length), runs[head].length, rand)
      redraw.set(
        variant,
        metrics(
          variant,
          b.map((k) => runs.base[k]),
          h.map((k) => runs[head][k])
        )
      )
    }
    const m = redraw
      .get(variant)!
      .find((x) => x.benchmark === list[i].benchmark && x.unit === list[i].unit)
    if (m) fresh.set(i, m)
  }
  return confirm(screened, fresh, SETTINGS)
}

/** Robust spread of a benchmark's ns/op in a set of runs: interquartile range / median. */
function spread(runs: BenchResult[][], name: string): number {
  const xs = runs
    .map(
      (run) => run.find((r) => r.name === name)?.measurements.find((m) => m.unit === 'ns/op')?.value
    )
    .filter((x): x is number => x !== undefined)
    .sort((a, b) => a - b)
  const q = (f: number) => xs[Math.min(xs.length - 1, Math.floor(f * (xs.length - 1)))]
  return (q(0.75) - q(0.25)) / q(0.5)
}

/** Collects (or loads) the pool and estimates the rates. */
export async function runPowerBench(
  opts: Partial<{
    benchtime: string
    variants: string
    baseRuns: number
    headRuns: number
    sims: number
    poolFile: string
    log: (m: string) => void
  }> = {}
): Promise<PowerResult> {
  const benchtime = opts.benchtime ?? '200ms'
  const variants = opts.variants ?? '100,25'
  const sims = opts.sims ?? 1000
  let pool: Pool
  try {
    pool = JSON.parse(readFileSync(opts.poolFile ?? '', 'utf8')) as Pool
    opts.log?.(`reusing pool ${opts.poolFile}`)
  } catch {
    pool = await collectPool({
      variants,
      benchtime,
      baseRuns: opts.baseRuns ?? 24,
      headRuns: opts.headRuns ?? 14,
      log: opts.log
    })
    if (opts.poolFile) writeFileSync(opts.poolFile, JSON.stringify(pool))
  }
  const rand = rng(20261121)
  let aaFalse = 0
  let slowHits = 0
  let slowTotal = 0
  let slowAll = 0
  let allocHits = 0
  let allocTotal = 0
  let slowOther = 0
  const perHits = new Map<string, number>()
  for (let s = 0; s < sims; s++) {
    const aa = simulate(pool, 'base', rand)
    if (aa.some((c) => c.verdict === 'regression' || c.verdict === 'improvement')) aaFalse++
    const slow = simulate(pool, 'slow10', rand).filter((c) => c.unit === 'sec/op')
    for (const c of slow) {
      const k = `${c.variant}|${c.benchmark}`
      perHits.set(k, (perHits.get(k) ?? 0) + (c.verdict === 'regression' ? 1 : 0))
    }
    const caught = slow.filter((c) => c.verdict === 'regression').length
    slowHits += caught
    slowTotal += slow.length
    if (caught === slow.length) slowAll++
    const all = simulate(pool, 'alloc1', rand)
    const allocs = all.filter((c) => c.unit === 'allocs/op')
    allocHits += allocs.filter((c) => c.verdict === 'regression').length
    allocTotal += allocs.length
    slowOther += simulate(pool, 'slow10', rand).filter(
      (c) =>
        c.unit !== 'sec/op' &&
        c.unit !== 'B/s' &&
        (c.verdict === 'regression' || c.verdict === 'improvement')
    ).length
  }
  const perBenchmark = [...perHits.entries()].map(([k, hits]) => {
    const [variant, benchmark] = k.split('|')
    return {
      variant,
      benchmark,
      detection: hits / sims,
      spread: spread(pool[variant].base, benchmark)
    }
  })
  return {
    perBenchmark,
    sims,
    benchtime,
    variants: Object.keys(pool),
    aaFalseAlarmRate: aaFalse / sims,
    slow10DetectionRate: slowHits / slowTotal,
    slow10AllCaughtRate: slowAll / sims,
    alloc1DetectionRate: allocHits / allocTotal,
    slow10OtherFlags: slowOther
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const env = process.env
  const r = await runPowerBench({
    benchtime: env.POWER_BENCHTIME,
    variants: env.POWER_VARIANTS,
    baseRuns: env.POWER_BASE_RUNS ? Number(env.POWER_BASE_RUNS) : undefined,
    headRuns: env.POWER_HEAD_RUNS ? Number(env.POWER_HEAD_RUNS) : undefined,
    sims: env.POWER_SIMS ? Number(env.POWER_SIMS) : undefined,
    poolFile: env.POWER_POOL_FILE,
    log: (m) => console.error(m)
  })
  console.log(
    `power study: ${r.sims} simulated runs, 20 benchmarks, variants ${r.variants.join(', ')}, pool benchtime ${r.benchtime}, bench-count ${COUNT}`
  )
  console.log(
    `A/A runs with any flag:            ${(100 * r.aaFalseAlarmRate).toFixed(2)}%  (target ≤ 1%)`
  )
  console.log(
    `+10% time caught (per benchmark):  ${(100 * r.slow10DetectionRate).toFixed(2)}%  (target ≥ 95%)`
  )
  for (const b of [...r.perBenchmark].sort((x, y) => x.spread - y.spread)) {
    console.log(
      `  ${b.variant.padEnd(9)} ${b.benchmark.padEnd(24)} spread (IQR/median) ${(100 * b.spread).toFixed(1).padStart(5)}%  caught ${(100 * b.detection).toFixed(1).padStart(5)}%`
    )
  }
  console.log(`+10% time: runs catching all 20×V: ${(100 * r.slow10AllCaughtRate).toFixed(2)}%`)
  console.log(
    `+1 allocs/op caught:               ${(100 * r.alloc1DetectionRate).toFixed(2)}%  (target 100%)`
  )
  console.log(
    `other metrics flagged in +10% runs: ${r.slow10OtherFlags} (real: 11 reps also allocate 10% more)`
  )
}
