/**
 * The statistics gate. A metric change is a regression (or improvement) only when
 *
 *  (a) it is significant after correcting for the comparisons of the run, in two stages, with a
 *      two-sided rank test: for time (sec/op, B/s) the fast-end test (fast-end.ts: machine noise
 *      only adds time, so a change in the code shows at the fast end first), for every other
 *      metric Mann-Whitney U (mann-whitney.ts), as benchstat does:
 *      - stage 1 (screen) tests every comparison of the bench-count rounds at α, uncorrected (and
 *        lets a time change through at p ≤ WIDE_P when its fast end moved, wideTimeSuspect; a time
 *        suspect's direction is its fast end's, leadOf): it only chooses which benchmarks get
 *        confirmation rounds;
 *      - stage 2 (confirm) tests each suspect again on FRESH rounds of just the suspects, with
 *        Holm–Bonferroni across the suspects at α (in two looks, confirm-looks.ts). The fresh
 *        samples play no part in choosing the suspects, so for any set of suspects the chance that
 *        Holm passes any unchanged one is at most α: the family-wise error rate of the whole
 *        run — the chance of ANY false alarm, which is what "an identical head flags nothing in
 *        ≥99% of runs" asks for — stays ≤ α.
 *      Correcting at stage 1 as well (Holm over the 60-odd comparisons of 20 benchmarks × 2 GC
 *      variants that could reach a threshold) let through only 37% of real +10% slowdowns on a
 *      quiet 2-core runner before confirmation even started; screening at α lets through 84%.
 *      Benjamini–Hochberg controls only the expected share of false discoveries and would allow a
 *      false alarm in many A/A runs. Deterministic metrics (every value equal on each side,
 *      different between sides: allocs/op, usually B/op) are certain (p = 0) in both stages.
 *  (b) the change reaches its threshold (time / alloc / gc): the far end of the change's interval
 *      (from the order-statistic 95% intervals of both medians) is at least the threshold, so an
 *      injected +10% is not missed half the time by noise around a 10% threshold, while changes
 *      shown to be smaller are not reported. One extra deterministic allocation per op always counts.
 *  (c) stage 2 confirms it: same direction, significant under Holm, and (b) again on the fresh
 *      samples. A suspect the fresh rounds contradict is `unchanged` (confirmed: false); one they
 *      could not measure (the benchmark failed) is `inconclusive`.
 *
 * Custom units (kind `other`) never gate; a change in one is shown as `inconclusive` when it
 * passes Holm across the stage-1 comparisons that could reach a threshold (canReachThreshold).
 */
import type { ChangeVerdict, MetricComparison, MetricKind } from '../domain/model.js'
import { fastEndP, fastEndShift, type FastEnd } from './fast-end.js'
import { mannWhitneyP } from './mann-whitney.js'
import { summarize } from './summary.js'
import { lowerIsBetter, metricKind } from './units.js'

/** One metric of one benchmark under one variant: the raw values of each side (tidied unit). */
export interface MetricSamples {
  variant: string
  package: string
  benchmark: string
  unit: string
  base: number[]
  head: number[]
}

export interface GateSettings {
  alpha: number
  timeThreshold: number
  allocThreshold: number
  gcThreshold: number
}

/** What one side-by-side test says, before any correction. */
export interface Assessment {
  p: number
  /** Both sides constant and different: the change is certain. */
  certain: boolean
  delta: number | null
  /** +1 worse, -1 better, 0 no change, from the medians. */
  direction: -1 | 0 | 1
  /** (b): the change can reach the threshold in the direction of `direction`. */
  reachesThreshold: boolean
}

/** The threshold fraction for a metric kind; custom units use the time threshold (not gated). */
export function thresholdFor(kind: MetricKind, s: GateSettings): number {
  if (kind === 'alloc') return s.allocThreshold
  if (kind === 'gc') return s.gcThreshold
  return s.timeThreshold
}

/**
 * Tests one metric. Pure. Time metrics (sec/op, B/s) get the fast-end rank test (fast-end.ts):
 * machine noise only adds time, so a code change shows at the fast end first; every other metric
 * gets Mann-Whitney U, as benchstat does.
 */
export function assess(ms: MetricSamples, threshold: number): Assessment {
  const e = effect(ms, threshold)
  if (e.certain) return { ...e, p: 0 }
  const p =
    metricKind(ms.unit) === 'time'
      ? fastEndP(ms.base, ms.head, fastEndOf(ms.unit))
      : mannWhitneyP(ms.base, ms.head)
  return { ...e, p }
}

/** Where a time unit's fast samples are: low for sec/op, high for throughput. */
function fastEndOf(unit: string): FastEnd {
  return lowerIsBetter(unit) ? 'low' : 'high'
}

/**
 * Everything of `assess` except the p-value (which is the expensive part). `move` overrides
 * which way the values moved (+1 up, -1 down) when another estimate than the medians leads.
 */
function effect(ms: MetricSamples, threshold: number, move?: -1 | 1): Omit<Assessment, 'p'> {
  const b = summarize(ms.base)
  const h = summarize(ms.head)
  const constant = (xs: number[]) => xs.length > 0 && xs.every((x) => x === xs[0])
  const certain = constant(ms.base) && constant(ms.head) && ms.base[0] !== ms.head[0]
  const lower = lowerIsBetter(ms.unit)
  const raw = move ?? Math.sign(h.center - b.center)
  const direction = (lower ? raw : -raw) as -1 | 0 | 1
  const delta = b.center === 0 ? (h.center === 0 ? 0 : null) : h.center / b.center - 1
  let reaches: boolean
  if (direction === 0) reaches = false
  else if (delta === null)
    reaches = true // from zero to something: unbounded relative change
  else if (certain && ms.unit === 'allocs/op' && Math.abs(h.center - b.center) >= 1) reaches = true
  else {
    // Far end of the change interval in the direction of the change.
    const far =
      raw > 0
        ? (h.high ?? h.center) / Math.max(b.low ?? b.center, Number.MIN_VALUE) - 1
        : (h.low ?? h.center) / (b.high ?? b.center) - 1
    reaches = Math.abs(far) >= threshold && Math.abs(delta) > 0
  }
  return { certain, delta, direction, reachesThreshold: reaches }
}

/**
 * Whether ANY assignment of these pooled values to base and head could reach the threshold: the
 * lowest values as base against the highest as head, and the reverse. This depends only on the
 * pooled values, never on which side each came from, so leaving the other comparisons out of the
 * Holm family keeps its guarantee: under the null every labelling of the pooled values is equally
 * likely, so each p-value stays valid given the selection. It drops the all-equal and the
 * tight-and-unchanged comparisons (most B/op, allocs/op and GC metrics of non-allocating code),
 * which could never be flagged but would make Holm stricter for the rest.
 */
export function canReachThreshold(ms: MetricSamples, threshold: number): boolean {
  const n1 = ms.base.length
  const n2 = ms.head.length
  if (n1 === 0 || n2 === 0) return false
  const pooled = [...ms.base, ...ms.head].sort((a, b) => a - b)
  if (pooled[0] === pooled[pooled.length - 1]) return false
  const up = { ...ms, base: pooled.slice(0, n1), head: pooled.slice(n1) }
  const down = { ...ms, base: pooled.slice(n2), head: pooled.slice(0, n2) }
  return effect(up, threshold).reachesThreshold || effect(down, threshold).reachesThreshold
}

/** Holm step-down: which p-values are rejected at family-wise level α, and each one's threshold. */
export function holm(
  ps: readonly number[],
  alpha: number
): { reject: boolean[]; thresholds: number[] } {
  const m = ps.length
  const order = ps.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0])
  const reject = new Array<boolean>(m).fill(false)
  const thresholds = new Array<number>(m).fill(alpha / Math.max(m, 1))
  let stopped = false
  order.forEach(([p, i], rank) => {
    thresholds[i] = alpha / (m - rank)
    if (!stopped && p <= thresholds[i]) reject[i] = true
    else stopped = true
  })
  return { reject, thresholds }
}

/** Stage 1 result: comparisons with provisional verdicts, plus which ones are suspects. */
export interface Screened {
  comparisons: MetricComparison[]
  /** Indexes into `comparisons` of suspected changes (regression or improvement, kind != other). */
  suspects: number[]
  correction: string
}

/**
 * At the screen, a time comparison's direction is where its fast end moved (the quartile that
 * the fast-end test weighs most), not where its median moved: on a noisy runner a slow tail can
 * pull base's median above head's while the floor clearly rose. Only confirmation rounds are at
 * stake; the verdict still needs the fresh samples' median to move the same way. `shift` is the
 * comparison's fastEndShift, null for every other kind of metric.
 */
function leadOf(
  ms: MetricSamples,
  a: Assessment,
  threshold: number,
  shift: number | null
): Assessment {
  if (a.certain || shift === null || shift === 0) return a
  return { ...effect(ms, threshold, shift > 0 ? 1 : -1), p: a.p }
}

/**
 * The screen's second door, for time only. A noisy benchmark's +10% often misses p ≤ α on
 * bench-count samples though its fast end (lower quartile of sec/op) clearly moved; such a
 * comparison is a suspect too when p ≤ WIDE_P and the fast end moved at least WIDE_SHARE of the
 * threshold. It only buys confirmation rounds: the fresh samples still decide, so the run's
 * false-alarm bound is unchanged, and most of the noise it lets in does not lean its way at
 * confirmation's first look and stops there (confirm-looks.ts). Measured on the power pools
 * (closing note): wider doors (p ≤ 0.3 / 60 %, p ≤ 0.4 / 50 %) caught 1–4 points more of a
 * +10% but cost an identical head on a noisy runner twice the confirmation rounds.
 */
export const WIDE_P = 0.2
export const WIDE_SHARE = 0.75

function wideTimeSuspect(a: Assessment, threshold: number, shift: number | null): boolean {
  return a.p <= WIDE_P && shift !== null && Math.abs(shift) >= WIDE_SHARE * threshold
}

/** Stage 1: test every metric at α, apply thresholds, pick the suspects. Pure. */
export function screen(list: readonly MetricSamples[], s: GateSettings): Screened {
  const kinds = list.map((ms) => metricKind(ms.unit))
  const assessed = list.map((ms, i) => assess(ms, thresholdFor(kinds[i], s)))
  // Custom units are only shown, so they get the stricter test: Holm across the comparisons
  // that could be flagged at all (certain ones are exempt).
  const tested = list
    .map((_, i) => i)
    .filter((i) => !assessed[i].certain && canReachThreshold(list[i], thresholdFor(kinds[i], s)))
  const h = holm(
    tested.map((i) => assessed[i].p),
    s.alpha
  )
  const holmPassed = new Set(tested.filter((_, k) => h.reject[k]))
  const comparisons: MetricComparison[] = []
  const suspects: number[] = []
  list.forEach((ms, i) => {
    const threshold = thresholdFor(kinds[i], s)
    // Time only: where the fast end moved leads the direction and opens the wide door.
    const shift = kinds[i] === 'time' ? fastEndShift(ms.base, ms.head, fastEndOf(ms.unit)) : null
    const a = leadOf(ms, assessed[i], threshold, shift)
    const other = kinds[i] === 'other'
    const sig =
      a.certain ||
      (other ? holmPassed.has(i) : a.p <= s.alpha) ||
      wideTimeSuspect(a, threshold, shift)
    const flagged = sig && a.reachesThreshold && a.direction !== 0
    let verdict: ChangeVerdict = 'unchanged'
    if (flagged && other) verdict = 'inconclusive'
    else if (flagged) {
      verdict = a.direction > 0 ? 'regression' : 'improvement'
      suspects.push(i)
    }
    comparisons.push({
      variant: ms.variant,
      package: ms.package,
      benchmark: ms.benchmark,
      unit: ms.unit,
      kind: kinds[i],
      base: ms.base.length ? summarize(ms.base) : null,
      head: ms.head.length ? summarize(ms.head) : null,
      delta: a.delta,
      p: a.p,
      alphaAdjusted: other ? (h.thresholds[tested.indexOf(i)] ?? s.alpha) : s.alpha,
      threshold,
      verdict,
      confirmed: null,
      lowerIsBetter: lowerIsBetter(ms.unit)
    })
  })
  const correction = `screen: fast-end rank test for time, Mann-Whitney U for the rest, at α=${s.alpha} (time also at p ≤ ${WIDE_P} when its fast end moved ${WIDE_SHARE * 100}% of the threshold) and the thresholds on the bench-count rounds; confirmation: fresh rounds of just the suspects in two looks (a suspect the first look's rounds lean against stops there and counts as p = 1), Holm–Bonferroni across the ${suspects.length} suspect comparisons at α=${s.alpha}. Only a change confirmed on samples that played no part in selecting it is reported, so α bounds the chance of any false alarm in the run.`
  return { comparisons, suspects, correction }
}

/**
 * Stage 2: fresh samples of the suspects decide, with Holm across them. A suspect's row then shows
 * the fresh samples (medians, change, p-value) and its Holm threshold, so the numbers beside a
 * verdict are the ones that decided it. `dropped` suspects (confirm-looks.ts) stay in Holm's
 * family as p = 1. Pure.
 */
export function confirm(
  screened: Screened,
  fresh: ReadonlyMap<number, MetricSamples>,
  s: GateSettings,
  dropped: ReadonlySet<number> = new Set()
): MetricComparison[] {
  const out = screened.comparisons.map((c) => ({ ...c }))
  const ids = screened.suspects.filter((i) => fresh.has(i))
  const assessed = ids.map((i) => {
    const a = assess(fresh.get(i)!, out[i].threshold)
    return dropped.has(i)
      ? { ...a, certain: false, reachesThreshold: false, pHolm: 1 }
      : { ...a, pHolm: a.p }
  })
  const testedIdx = ids.map((_, k) => k).filter((k) => !assessed[k].certain)
  const h = holm(
    testedIdx.map((k) => assessed[k].pHolm),
    s.alpha
  )
  ids.forEach((i, k) => {
    const a = assessed[k]
    const t = testedIdx.indexOf(k)
    const sig = a.certain || (t >= 0 && h.reject[t])
    const wanted = out[i].verdict === 'regression' ? 1 : -1
    out[i].confirmed = sig && a.reachesThreshold && a.direction === wanted
    const f = fresh.get(i)!
    out[i].base = f.base.length ? summarize(f.base) : null
    out[i].head = f.head.length ? summarize(f.head) : null
    out[i].delta = a.delta
    out[i].p = a.p
    out[i].alphaAdjusted = t >= 0 ? h.thresholds[t] : s.alpha
    // Contradicted by fresh rounds: no change shown. Not measured again: unknown.
    if (!out[i].confirmed) out[i].verdict = 'unchanged'
  })
  for (const i of screened.suspects) {
    if (fresh.has(i)) continue
    out[i].confirmed = false
    out[i].verdict = 'inconclusive'
  }
  return out
}
