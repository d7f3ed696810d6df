/**
 * How many fresh rounds confirmation spends, in two looks. Pure.
 *
 * Every suspect gets LOOK_FACTOR × bench-count fresh rounds first. A suspect whose fresh rounds
 * do not lean its way (`futile`: for time the fast end moved less than FUTILITY_SHARE of the
 * threshold the suspected way, otherwise the median did not move that way) is dropped there;
 * the benchmarks with a suspect left get rounds up to CONFIRM_FACTOR × bench-count, and only
 * then does anything get confirmed.
 *
 * Why this keeps the run's false-alarm bound: a dropped suspect stays in Holm's family as a
 * p-value of 1, and Holm can only reject less when a p-value grows, so whatever the look decides,
 * the rejections are a subset of those of Holm on every suspect's full fresh sample, whose chance
 * of passing an unchanged suspect is at most α. Nothing is confirmed at the look, so no α is spent
 * there. What the look buys: an identical head's suspects are noise, and more than half of them
 * do not lean their way after one look, so they cost bench-count rounds instead of three times
 * that, which pays for letting more noisy suspects in at the screen (gate.ts, wideTimeSuspect)
 * and for the third bench-count of rounds that the real ones get. Measured in the closing note.
 */
import type { MetricComparison } from '../domain/model.js'
import { fastEndShift } from './fast-end.js'
import type { MetricSamples } from './gate.js'
import { minAchievableP } from './mann-whitney.js'
import { summarize } from './summary.js'

/** Fresh rounds at the look, as a multiple of bench-count. */
export const LOOK_FACTOR = 1
/** Fresh rounds in all for a suspect that survives the look, as a multiple of bench-count. */
export const CONFIRM_FACTOR = 3

export interface ConfirmationPlan {
  /** Rounds per side every suspect gets before the look. */
  look: number
  /** Rounds per side in all for the suspects that survive it. */
  total: number
}

/**
 * The rounds for `m` suspects: `total` is CONFIRM_FACTOR × bench-count, more if Holm across the
 * `m` suspects could not reject otherwise (the smallest p-value the rank tests can reach with n
 * samples a side is 2 / C(2n, n)).
 */
export function confirmationPlan(m: number, alpha: number, benchCount: number): ConfirmationPlan {
  let total = Math.max(CONFIRM_FACTOR * benchCount, 2)
  while (total < 50 && minAchievableP(total, total) > alpha / Math.max(m, 1)) total++
  return { look: Math.min(Math.max(LOOK_FACTOR * benchCount, 1), total), total }
}

/**
 * How far a time suspect's fast end must have moved its way at the look to go on, as a share of
 * `time-threshold`: an unchanged benchmark's fast end moves a few percent either way, a real
 * change of the threshold's size moves it by about the threshold.
 */
export const FUTILITY_SHARE = 0.2

/**
 * Whether a suspect's fresh rounds so far fail to lean its way: for time, its fast end (the
 * quartile the fast-end test weighs most) moved less than FUTILITY_SHARE of the threshold in the
 * suspected direction; for every other metric, its median did not move that way at all.
 */
export function futile(suspect: MetricComparison, soFar: MetricSamples): boolean {
  if (soFar.base.length === 0 || soFar.head.length === 0) return false
  const wanted = suspect.verdict === 'regression' ? 1 : -1
  const lower = suspect.lowerIsBetter
  if (suspect.kind === 'time') {
    const shift = fastEndShift(soFar.base, soFar.head, lower ? 'low' : 'high')
    if (shift === null) return false
    return (lower ? shift : -shift) * wanted < FUTILITY_SHARE * suspect.threshold
  }
  const move = summarize(soFar.head).center - summarize(soFar.base).center
  return Math.sign(lower ? move : -move) !== wanted
}

/** The suspects (indexes into `comparisons`) dropped at the look. */
export function droppedAtLook(
  comparisons: readonly MetricComparison[],
  soFar: ReadonlyMap<number, MetricSamples>
): Set<number> {
  const dropped = new Set<number>()
  for (const [i, m] of soFar) if (futile(comparisons[i], m)) dropped.add(i)
  return dropped
}
