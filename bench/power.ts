/**
 * Statistical power of the bench gate on the 20 real benchmarks of the power-study module.
 * Run: `npm run bench:power` (env: POWER_BENCHTIME, POWER_VARIANTS, POWER_ROUNDS, POWER_ALLOC_EVERY,
 * POWER_SIMS, POWER_CONFIRM to fix the confirmation rounds, POWER_POOL_FILE to keep/reuse a pool).
 *
 * Method: running the whole stage 1000 times is too slow for a 2-core box, so a pool of real rounds
 * is collected once (bench-pool.ts: sampled exactly like the stage — calibrated once, one process
 * per benchmark with base's iteration count — and within a round the unchanged build twice, the
 * +10% build and every few rounds the +1 alloc build, back to back). Each simulated CI run draws
 * bench-count ROUNDS without replacement: base from a round's first unchanged run, head from the
 * same round (its second unchanged run for A/A, else the changed build), so like the stage's
 * interleaving, whatever the machine was doing at the time hits both sides. The +10% build is
 * compared two ways: all 20 benchmarks slowed at once (every comparison a real change, so Holm's
 * family at confirmation is as large as it gets), and one benchmark slowed while the other 19 are
 * the unchanged run (a PR that slows one code path). It screens all 20
 * benchmarks × every metric × every GC variant, then confirms the suspects on rounds it has not
 * used yet (if the pool runs out, it reuses rounds and says how often: that makes false alarms
 * more likely, never less).
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
import { collectPool, type Pool, type PoolRound } from './bench-pool.js'

export interface PowerResult {
  sims: number
  benchtime: string
  variants: string[]
  /** Share of A/A runs that flagged anything (regression or improvement). */
  aaFalseAlarmRate: number
  /** Mean (benchmark, variant) pairs per A/A run that get confirmation rounds: their CI cost. */
  aaConfirmationsPerRun: number
  /** Share of (benchmark, variant) sec/op comparisons flagged as regressions with +10% work. */
  slow10DetectionRate: number
  /** Per variant and benchmark: +10% detection rate and the base pool's spread (IQR / median). */
  perBenchmark: { variant: string; benchmark: string; detection: number; spread: number }[]
  /**
   * One benchmark +10%, the other 19 unchanged (as in a PR that slows one code path): share of
   * its (variant) sec/op comparisons flagged, and share of runs in which some variant flagged it.
   */
  singleDetectionRate: number
  singleAnyVariantRate: number
  /** Share of runs in which every benchmark's +10% was caught under every variant. */
  slow10AllCaughtRate: number
  /** Share of (benchmark, variant) allocs/op comparisons flagged with +1 allocation. */
  alloc1DetectionRate: number
  /**
   * Other metrics flagged in the slow10 scenario. Not false alarms: 11 repetitions instead of 10
   * also allocate 10% more, so B/op, allocs/op and the GC metrics really change.
   */
  slow10OtherFlags: number
  /** Stage-2 draws that had to reuse stage-1 runs because the pool was too small. */
  reusedDraws: number
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

function draw(n: number, from: readonly number[], rand: () => number): number[] {
  const idx = [...from]
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

/** Stage-2 rounds per side: POWER_CONFIRM, else what the stage uses. */
function stage2Rounds(suspects: number): number {
  const fixed = Number(process.env.POWER_CONFIRM ?? '')
  return fixed > 0 ? fixed : confirmationRounds(suspects, SETTINGS.alpha, COUNT)
}

type Scenario = 'aa' | 'slow10' | 'alloc1' | 'single'

/** The head run of a round: `single` is the unchanged run with only `target` from the +10% build. */
function headRun(round: PoolRound, scenario: Scenario, target?: string): BenchResult[] {
  if (scenario === 'aa') return round.base2
  if (scenario !== 'single') return round[scenario]!
  return round.base2.map((r) =>
    r.name === target ? round.slow10.find((x) => x.name === target)! : r
  )
}

/** One simulated CI run of the gate; returns the final comparisons. */
function simulate(
  pool: Pool,
  scenario: Scenario,
  rand: () => number,
  stats: { reused: number },
  target?: string
) {
  const list: MetricSamples[] = []
  const used = new Map<string, Set<number>>()
  const eligible = (rounds: PoolRound[]) =>
    rounds.map((r, i) => (scenario !== 'alloc1' || r.alloc1 ? i : -1)).filter((i) => i >= 0)
  const sides = (rounds: PoolRound[], picked: number[]) => ({
    base: picked.map((i) => rounds[i].base),
    head: picked.map((i) => headRun(rounds[i], scenario, target))
  })
  for (const [variant, rounds] of Object.entries(pool)) {
    const picked = draw(COUNT, eligible(rounds), rand)
    used.set(variant, new Set(picked))
    const s = sides(rounds, picked)
    list.push(...metrics(variant, s.base, s.head))
  }
  const screened = screen(list, SETTINGS)

  const n = stage2Rounds(screened.suspects.length)
  const fresh = new Map<number, MetricSamples>()
  const redraw = new Map<string, MetricSamples[]>()
  for (const i of screened.suspects) {
    const variant = list[i].variant
    if (!redraw.has(variant)) {
      const rounds = pool[variant]
      const all = eligible(rounds)
      const unused = all.filter((k) => !used.get(variant)!.has(k))
      if (unused.length < n) stats.reused++
      const picked = draw(Math.min(n, all.length), unused.length >= n ? unused : all, rand)
      const s = sides(rounds, picked)
      redraw.set(variant, metrics(variant, s.base, s.head))
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
    rounds: number
    allocEvery: number
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
      rounds: opts.rounds ?? 60,
      allocEvery: opts.allocEvery ?? 4,
      log: opts.log
    })
    if (opts.poolFile) writeFileSync(opts.poolFile, JSON.stringify(pool))
  }
  const rand = rng(20261121)
  const stats = { reused: 0 }
  let aaFalse = 0
  let aaConfirmed = 0
  let slowHits = 0
  let slowTotal = 0
  let slowAll = 0
  let allocHits = 0
  let allocTotal = 0
  let slowOther = 0
  const perHits = new Map<string, number>()
  const names = Object.values(pool)[0][0].base.map((r) => r.name)
  let singleHits = 0
  let singleTotal = 0
  let singleAny = 0
  for (let s = 0; s < sims; s++) {
    const target = names[s % names.length]
    const single = simulate(pool, 'single', rand, stats, target).filter(
      (c) => c.unit === 'sec/op' && c.benchmark === target
    )
    const hits = single.filter((c) => c.verdict === 'regression').length
    singleHits += hits
    singleTotal += single.length
    if (hits > 0) singleAny++
    const aa = simulate(pool, 'aa', rand, stats)
    if (aa.some((c) => c.verdict === 'regression' || c.verdict === 'improvement')) aaFalse++
    aaConfirmed += new Set(
      aa.filter((c) => c.confirmed !== null).map((c) => `${c.variant}|${c.benchmark}`)
    ).size
    const slowRun = simulate(pool, 'slow10', rand, stats)
    const slow = slowRun.filter((c) => c.unit === 'sec/op')
    for (const c of slow) {
      const k = `${c.variant}|${c.benchmark}`
      perHits.set(k, (perHits.get(k) ?? 0) + (c.verdict === 'regression' ? 1 : 0))
    }
    const caught = slow.filter((c) => c.verdict === 'regression').length
    slowHits += caught
    slowTotal += slow.length
    if (caught === slow.length) slowAll++
    const all = simulate(pool, 'alloc1', rand, stats)
    const allocs = all.filter((c) => c.unit === 'allocs/op')
    allocHits += allocs.filter((c) => c.verdict === 'regression').length
    allocTotal += allocs.length
    slowOther += slowRun.filter(
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
      spread: spread(
        pool[variant].map((r) => r.base),
        benchmark
      )
    }
  })
  return {
    perBenchmark,
    sims,
    benchtime,
    variants: Object.keys(pool),
    aaFalseAlarmRate: aaFalse / sims,
    aaConfirmationsPerRun: aaConfirmed / sims,
    slow10DetectionRate: slowHits / slowTotal,
    slow10AllCaughtRate: slowAll / sims,
    singleDetectionRate: singleHits / singleTotal,
    singleAnyVariantRate: singleAny / sims,
    alloc1DetectionRate: allocHits / allocTotal,
    slow10OtherFlags: slowOther,
    reusedDraws: stats.reused
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const env = process.env
  const r = await runPowerBench({
    benchtime: env.POWER_BENCHTIME,
    variants: env.POWER_VARIANTS,
    rounds: env.POWER_ROUNDS ? Number(env.POWER_ROUNDS) : undefined,
    allocEvery: env.POWER_ALLOC_EVERY ? Number(env.POWER_ALLOC_EVERY) : undefined,
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
    `A/A benchmark-variants confirmed:  ${r.aaConfirmationsPerRun.toFixed(2)} per run (each costs 2 × bench-count rounds)`
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
    `one benchmark +10%, 19 unchanged:   ${(100 * r.singleDetectionRate).toFixed(2)}% of its comparisons, ${(100 * r.singleAnyVariantRate).toFixed(2)}% of runs in some variant`
  )
  console.log(
    `+1 allocs/op caught:               ${(100 * r.alloc1DetectionRate).toFixed(2)}%  (target 100%)`
  )
  console.log(`stage-2 draws that reused stage-1 runs (pool too small): ${r.reusedDraws}`)
  console.log(
    `other metrics flagged in +10% runs: ${r.slow10OtherFlags} (real: 11 reps also allocate 10% more)`
  )
}
