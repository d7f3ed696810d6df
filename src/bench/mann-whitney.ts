/**
 * Two-sided Mann-Whitney U test, the test benchstat uses (benchmath AssumeNothing →
 * go-moremath MannWhitneyUTest with LocationDiffers). Computed here so the gate does not depend
 * on benchstat's three-decimal `p=0.000` rounding, and so the power study can run it thousands
 * of times.
 *
 * Exact permutation distribution of the rank sum, with mid-ranks for ties, by dynamic
 * programming over doubled ranks (integers), for N = n1 + n2 ≤ 200; a normal approximation with
 * tie correction above that. The rank-sum distribution is symmetric, so the two-sided p-value is
 * min(1, 2 · min(P(W ≤ w), P(W ≥ w))).
 */

import { binomial, subsetSums, tieGroups, twoSidedP } from './permutation.js'

const EXACT_LIMIT = 200

/** The two-sided p-value; 1 when either sample is empty or every value is equal. */
export function mannWhitneyP(a: readonly number[], b: readonly number[]): number {
  const n1 = a.length
  const n2 = b.length
  if (n1 === 0 || n2 === 0) return 1
  const ranks = doubledMidRanks([...a, ...b])
  if (ranks.every((r) => r === ranks[0])) return 1
  const w = ranks.slice(0, n1).reduce((s, r) => s + r, 0)
  if (n1 + n2 > EXACT_LIMIT) return normalP(ranks, n1, w)
  return twoSidedP(rankSumDistribution(ranks, n1), w)
}

/** The smallest two-sided p-value the test can produce for these sample sizes (no ties). */
export function minAchievableP(n1: number, n2: number): number {
  if (n1 === 0 || n2 === 0) return 1
  return Math.min(1, 2 / binomial(n1 + n2, n1))
}

/** Mid-ranks ×2 (so ties stay integers): values sorted ascending get ranks 2, 4, ... */
function doubledMidRanks(values: number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((x, y) => x[0] - y[0])
  const ranks = new Array<number>(values.length)
  // ranks i+1..j+1 share (i+1 + j+1)/2; doubled: i + j + 2
  for (const [i, j] of tieGroups(order.map((o) => o[0])))
    for (let k = i; k <= j; k++) ranks[order[k][1]] = i + j + 2
  return ranks
}

const noTieCache = new Map<string, Float64Array>()

/**
 * dist[s] = number of n1-subsets of `ranks` whose doubled-rank sum is s. Without ties the
 * distribution depends only on (n1, n2), so it is cached.
 */
function rankSumDistribution(ranks: number[], n1: number): Float64Array {
  const n = ranks.length
  const noTies = new Set(ranks).size === n
  const key = `${n1}/${n}`
  const cached = noTies ? noTieCache.get(key) : undefined
  if (cached) return cached
  const dist = subsetSums(ranks, n1)[n1]
  if (noTies) noTieCache.set(key, dist)
  return dist
}

function normalP(ranks: number[], n1: number, w: number): number {
  const n = ranks.length
  const n2 = n - n1
  const mean = (n1 * (n + 1)) / 2
  const ties = new Map<number, number>()
  for (const r of ranks) ties.set(r, (ties.get(r) ?? 0) + 1)
  const tieTerm = [...ties.values()].reduce((s, t) => s + (t * t * t - t), 0)
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)))
  if (variance <= 0) return 1
  const z = (Math.abs(w / 2 - mean) - 0.5) / Math.sqrt(variance)
  return Math.min(1, 2 * (1 - normalCdf(Math.max(0, z))))
}

function normalCdf(z: number): number {
  // Abramowitz-Stegun 7.1.26 via erf; plenty for p-values well away from machine epsilon.
  const t = 1 / (1 + (0.3275911 * z) / Math.SQRT2)
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
  const erf = 1 - poly * Math.exp(-(z * z) / 2)
  return 0.5 * (1 + erf)
}
