/**
 * Statistical power of the bench gate on the 20 real benchmarks of the power-study module.
 * Run: `npm run bench:power` (env: POWER_BENCHTIME, POWER_VARIANTS, POWER_ROUNDS, POWER_ALLOC_EVERY,
 * POWER_SIMS, POWER_CONFIRM to fix the confirmation rounds, POWER_POOL_FILE to keep/reuse a pool,
 * POWER_QUICK=1 for the A/A and all-20 scenarios only).
 *
 * Method: running the whole stage 1000 times is too slow for a 2-core box, so a pool of real rounds
 * is collected once (bench-pool.ts: sampled exactly like the stage — calibrated once, one process
 * per benchmark with base's iteration count — and within a round the unchanged build twice, the
 * +10% build and every few rounds the +1 alloc build, back to back). Each simulated CI run draws
 * bench-count ROUNDS without replacement; base and head come from the same round, so like the
 * stage's interleaving, whatever the machine was doing at the time hits both sides, and base is
 * the round's first unchanged run in exactly half of them, as the stage's ABBA order has it (pairOf).
 * Changes: +10% time exactly (an unchanged run's sec/op × 1.1), the +10% work build, and +1
 * allocation; the +10%s for all 20 benchmarks at once (every comparison a real change, so Holm's
 * family at confirmation is as large as it gets) and for one benchmark while the other 19 are
 * unchanged (a PR that slows one code path). Each run screens all 20 benchmarks × every metric ×
 * every GC variant, then confirms the suspects as the stage does — the look, then the rest of the
 * rounds for the survivors (confirm-looks.ts) — on rounds it has not used yet (if the pool runs
 * out, it reuses rounds and says how often: that makes false alarms more likely, never less).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { confirm, screen, type GateSettings, type MetricSamples } from '../src/bench/gate.js'
import type { MetricComparison } from '../src/domain/model.js'
import type { BenchResult } from '../src/bench/types.js'
import { tidyUnit } from '../src/bench/units.js'
import {
  confirmationPlan,
  droppedAtLook,
  type ConfirmationPlan
} from '../src/bench/confirm-looks.js'
import { collectPool, type Pool, type PoolRound } from './bench-pool.js'

/** How often a time change was caught: per (benchmark, variant) comparison, and at the screen. */
export interface Caught {
  /** Share of the changed sec/op comparisons flagged as regressions. */
  rate: number
  /** Share the screen passed to confirmation (the rest never got a second look). */
  screened: number
}

export interface PowerResult {
  sims: number
  benchtime: string
  variants: string[]
  /** Share of A/A runs that flagged anything (regression or improvement). */
  aaFalseAlarmRate: number
  /** Mean (benchmark, variant) pairs per A/A run that get confirmation rounds: their CI cost. */
  aaConfirmationsPerRun: number
  /** Confirmation rounds (per benchmark-variant) per A/A run. */
  aaConfirmationRoundsPerRun: number
  /** All 20 benchmarks +10%: the slow10 build, and exactly +10% time. */
  slow10: Caught
  time10: Caught
  /** Per variant and benchmark: detection rates, the slow10 build's change of median in the pool, the base pool's spread (IQR / median). */
  perBenchmark: {
    variant: string
    benchmark: string
    slow10: number
    time10: number
    poolChange: number
    spread: number
  }[]
  /**
   * One benchmark +10%, the other 19 unchanged (as in a PR that slows one code path): share of
   * its (variant) sec/op comparisons flagged, and share of runs in which some variant flagged it.
   */
  single: Caught & { anyVariant: number }
  singleTime10: Caught & { anyVariant: number }
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

/** Confirmation rounds per side: POWER_CONFIRM fixes the total, else what the stage uses. */
function stage2Plan(suspects: number): ConfirmationPlan {
  const plan = confirmationPlan(suspects, SETTINGS.alpha, COUNT)
  const fixed = Number(process.env.POWER_CONFIRM ?? '')
  return fixed > 0 ? { look: Math.min(plan.look, fixed), total: fixed } : plan
}

/**
 * aa: an unchanged head; slow10: the +10% work build (-tags slow10); time10: an unchanged run with
 * every sec/op exactly 10% slower (B/s 10% lower), so the true time change is exactly +10%
 * whatever the pool's own realisation of the slow10 build was; alloc1: +1 allocation per op;
 * single / single-time10: one benchmark (`target`) changed that way, the other 19 unchanged.
 */
type Scenario = 'aa' | 'slow10' | 'time10' | 'alloc1' | 'single' | 'single-time10'

/** A run whose time metrics are exactly 10% slower. */
function slowed(run: BenchResult[]): BenchResult[] {
  const scale = (u: string) => (u === 'ns/op' ? 1.1 : u === 'MB/s' ? 1 / 1.1 : 1)
  return run.map((r) => ({
    ...r,
    measurements: r.measurements.map((m) => ({ ...m, value: m.value * scale(m.unit) }))
  }))
}

/**
 * Base and head runs of a round. A round has two unchanged runs, one of which ran before the
 * other; the stage alternates which side goes first (ABBA), so the simulation does too:
 * `baseFirst` says whether base is the unchanged run that ran first in its round. Without that,
 * a run-order effect in the pool would pose as a change (or hide one). Pools without `order`
 * (collected before it was recorded) count `base` as the first.
 */
function pairOf(round: PoolRound, scenario: Scenario, baseFirst: boolean, target?: string) {
  const order = round.order ?? ['base', 'base2']
  const first = order.indexOf('base') < order.indexOf('base2') ? round.base : round.base2
  const second = first === round.base ? round.base2 : round.base
  const [base, other] = baseFirst ? [first, second] : [second, first]
  const only = (changed: BenchResult[]) =>
    other.map((r) => (r.name === target ? changed.find((x) => x.name === target)! : r))
  const head: Record<Scenario, () => BenchResult[]> = {
    aa: () => other,
    slow10: () => round.slow10,
    time10: () => slowed(other),
    alloc1: () => round.alloc1!,
    single: () => only(round.slow10),
    'single-time10': () => only(slowed(other))
  }
  return { base, head: head[scenario]() }
}

/** One simulated CI run of the gate; returns the final comparisons. */
function simulate(
  pool: Pool,
  scenario: Scenario,
  rand: () => number,
  stats: { reused: number; rounds: number },
  target?: string
) {
  const list: MetricSamples[] = []
  const used = new Map<string, Set<number>>()
  const eligible = (rounds: PoolRound[]) =>
    rounds.map((r, i) => (scenario !== 'alloc1' || r.alloc1 ? i : -1)).filter((i) => i >= 0)
  const sides = (rounds: PoolRound[], picked: number[]) => {
    // Exactly half the rounds base first, as ABBA; `picked` is already in random order.
    const start = rand() < 0.5
    const pairs = picked.map((i, k) => pairOf(rounds[i], scenario, (k % 2 === 0) === start, target))
    return { base: pairs.map((p) => p.base), head: pairs.map((p) => p.head) }
  }
  for (const [variant, rounds] of Object.entries(pool)) {
    const picked = draw(COUNT, eligible(rounds), rand)
    used.set(variant, new Set(picked))
    const s = sides(rounds, picked)
    list.push(...metrics(variant, s.base, s.head))
  }
  const screened = screen(list, SETTINGS)

  const { look, total: n } = stage2Plan(screened.suspects.length)
  const fresh = new Map<number, MetricSamples>()
  const early = new Map<number, MetricSamples>()
  const redraw = new Map<string, { full: MetricSamples[]; early: MetricSamples[] }>()
  const find = (xs: MetricSamples[], i: number) =>
    xs.find((x) => x.benchmark === list[i].benchmark && x.unit === list[i].unit)
  for (const i of screened.suspects) {
    const variant = list[i].variant
    if (!redraw.has(variant)) {
      const rounds = pool[variant]
      const all = eligible(rounds)
      const unused = all.filter((k) => !used.get(variant)!.has(k))
      if (unused.length < n) stats.reused++
      const picked = draw(Math.min(n, all.length), unused.length >= n ? unused : all, rand)
      const s = sides(rounds, picked)
      redraw.set(variant, {
        full: metrics(variant, s.base, s.head),
        early: metrics(variant, s.base.slice(0, look), s.head.slice(0, look))
      })
    }
    const m = find(redraw.get(variant)!.full, i)
    const e = find(redraw.get(variant)!.early, i)
    if (m) fresh.set(i, m)
    if (e) early.set(i, e)
  }
  // As the stage does: a suspect dropped at the look keeps only the look's samples.
  const dropped = droppedAtLook(screened.comparisons, early)
  for (const i of dropped) fresh.set(i, early.get(i)!)
  // Cost: a benchmark-variant runs on after the look while any of its suspect metrics does.
  const goesOn = new Map<string, boolean>()
  for (const i of screened.suspects) {
    const k = `${list[i].variant}|${list[i].benchmark}`
    goesOn.set(k, (goesOn.get(k) ?? false) || !dropped.has(i))
  }
  for (const on of goesOn.values()) stats.rounds += on ? n : look
  return confirm(screened, fresh, SETTINGS, dropped)
}

/** A benchmark's ns/op in a set of runs, sorted. */
function nsPerOp(runs: BenchResult[][], name: string): number[] {
  return runs
    .map(
      (run) => run.find((r) => r.name === name)?.measurements.find((m) => m.unit === 'ns/op')?.value
    )
    .filter((x): x is number => x !== undefined)
    .sort((a, b) => a - b)
}

const quantile = (xs: number[], f: number) =>
  xs[Math.min(xs.length - 1, Math.floor(f * (xs.length - 1)))]

/** Robust spread of a benchmark's ns/op in a set of runs: interquartile range / median. */
function spread(runs: BenchResult[][], name: string): number {
  const xs = nsPerOp(runs, name)
  return (quantile(xs, 0.75) - quantile(xs, 0.25)) / quantile(xs, 0.5)
}

/** Tallies of caught sec/op regressions. */
class Tally {
  hits = 0
  total = 0
  screened = 0
  runsAny = 0
  runs = 0
  /** Adds the changed comparisons of one run; returns how many were caught. */
  add(changed: readonly { verdict: string; confirmed: boolean | null }[]): number {
    const caught = changed.filter((c) => c.verdict === 'regression').length
    this.hits += caught
    this.total += changed.length
    this.screened += changed.filter((c) => c.confirmed !== null).length
    this.runs++
    if (caught > 0) this.runsAny++
    return caught
  }
  get caught(): Caught {
    return { rate: this.hits / this.total, screened: this.screened / this.total }
  }
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
  const stats = { reused: 0, rounds: 0 }
  let aaRounds = 0
  let aaFalse = 0
  let aaConfirmed = 0
  let allocHits = 0
  let allocTotal = 0
  let slowOther = 0
  const tallies = {
    slow10: new Tally(),
    time10: new Tally(),
    single: new Tally(),
    singleTime10: new Tally()
  }
  const perHits = new Map<string, { slow10: number; time10: number }>()
  const names = Object.values(pool)[0][0].base.map((r) => r.name)
  const secOp = (run: MetricComparison[], target?: string) =>
    run.filter((c) => c.unit === 'sec/op' && (target === undefined || c.benchmark === target))
  for (let s = 0; s < sims; s++) {
    const target = names[s % names.length]
    if (!process.env.POWER_QUICK) {
      tallies.single.add(secOp(simulate(pool, 'single', rand, stats, target), target))
      tallies.singleTime10.add(secOp(simulate(pool, 'single-time10', rand, stats, target), target))
    }
    const before = stats.rounds
    const aa = simulate(pool, 'aa', rand, stats)
    aaRounds += stats.rounds - before
    if (aa.some((c) => c.verdict === 'regression' || c.verdict === 'improvement')) aaFalse++
    aaConfirmed += new Set(
      aa.filter((c) => c.confirmed !== null).map((c) => `${c.variant}|${c.benchmark}`)
    ).size
    for (const scenario of ['slow10', 'time10'] as const) {
      const run = simulate(pool, scenario, rand, stats)
      const slow = secOp(run)
      tallies[scenario].add(slow)
      for (const c of slow) {
        const k = `${c.variant}|${c.benchmark}`
        const e = perHits.get(k) ?? { slow10: 0, time10: 0 }
        if (c.verdict === 'regression') e[scenario]++
        perHits.set(k, e)
      }
      if (scenario === 'slow10') {
        slowOther += run.filter(
          (c) =>
            c.unit !== 'sec/op' &&
            c.unit !== 'B/s' &&
            (c.verdict === 'regression' || c.verdict === 'improvement')
        ).length
      }
    }
    if (process.env.POWER_QUICK) continue
    const all = simulate(pool, 'alloc1', rand, stats)
    const allocs = all.filter((c) => c.unit === 'allocs/op')
    allocHits += allocs.filter((c) => c.verdict === 'regression').length
    allocTotal += allocs.length
  }
  const perBenchmark = [...perHits.entries()].map(([k, hits]) => {
    const [variant, benchmark] = k.split('|')
    const median = (build: 'base' | 'slow10') =>
      quantile(
        nsPerOp(
          pool[variant].map((r) => r[build]),
          benchmark
        ),
        0.5
      )
    return {
      variant,
      benchmark,
      slow10: hits.slow10 / sims,
      time10: hits.time10 / sims,
      poolChange: median('slow10') / median('base') - 1,
      spread: spread(
        pool[variant].map((r) => r.base),
        benchmark
      )
    }
  })
  const withAny = (t: Tally) => ({ ...t.caught, anyVariant: t.runsAny / t.runs })
  return {
    perBenchmark,
    sims,
    benchtime,
    variants: Object.keys(pool),
    aaFalseAlarmRate: aaFalse / sims,
    aaConfirmationsPerRun: aaConfirmed / sims,
    aaConfirmationRoundsPerRun: aaRounds / sims,
    slow10: tallies.slow10.caught,
    time10: tallies.time10.caught,
    single: withAny(tallies.single),
    singleTime10: withAny(tallies.singleTime10),
    alloc1DetectionRate: allocHits / allocTotal,
    slow10OtherFlags: slowOther,
    reusedDraws: stats.reused
  }
}

const pct = (x: number) => `${(100 * x).toFixed(2)}%`

/** The report `npm run bench:power` prints. */
export function formatPower(r: PowerResult): string[] {
  const caught = (c: Caught) =>
    `${pct(c.rate)}  (screen passed ${pct(c.screened)}, confirmation ${pct(c.rate / c.screened)} of those)`
  const out = [
    `power study: ${r.sims} simulated runs, 20 benchmarks, variants ${r.variants.join(', ')}, pool benchtime ${r.benchtime}, bench-count ${COUNT}`,
    `A/A runs with any flag:             ${pct(r.aaFalseAlarmRate)}  (target ≤ 1%)`,
    `A/A benchmark-variants confirmed:   ${r.aaConfirmationsPerRun.toFixed(2)} per run, ${r.aaConfirmationRoundsPerRun.toFixed(1)} benchmark-rounds`,
    `+10% time, all 20 (per comparison), target ≥ 95%:`,
    `  exactly +10% (unchanged run × 1.1): ${caught(r.time10)}`,
    `  +10% work build (-tags slow10):     ${caught(r.slow10)}`,
    `  per benchmark (pool change = the slow10 build's median over base's in the whole pool):`
  ]
  for (const b of [...r.perBenchmark].sort((x, y) => x.spread - y.spread)) {
    out.push(
      `  ${b.variant.padEnd(9)} ${b.benchmark.padEnd(22)} spread ${(100 * b.spread).toFixed(1).padStart(4)}%  ×1.1 caught ${(100 * b.time10).toFixed(1).padStart(5)}%  slow10 caught ${(100 * b.slow10).toFixed(1).padStart(5)}% (pool change ${(100 * b.poolChange).toFixed(1).padStart(5)}%)`
    )
  }
  const single = (c: Caught & { anyVariant: number }) =>
    `${pct(c.rate)} of its comparisons, ${pct(c.anyVariant)} of runs in some variant`
  out.push(
    `one benchmark +10%, 19 unchanged:`,
    `  exactly +10%:  ${single(r.singleTime10)}`,
    `  slow10 build:  ${single(r.single)}`,
    `+1 allocs/op caught:                ${pct(r.alloc1DetectionRate)}  (target 100%)`,
    `stage-2 draws that reused stage-1 runs (pool too small): ${r.reusedDraws}`,
    `other metrics flagged in slow10 runs: ${r.slow10OtherFlags} (real: 11 reps also allocate 10% more)`
  )
  return out
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
  for (const line of formatPower(r)) console.log(line)
}
