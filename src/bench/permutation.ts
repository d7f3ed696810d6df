/**
 * Pieces shared by the exact permutation tests (mann-whitney.ts, fast-end.ts): tied runs in a
 * sorted list, the subset-sum counts a null distribution is built from, the two-sided p-value from
 * a null distribution, and binomial coefficients. Pure.
 */

/** [first, last] index of each run of equal values in a sorted list. */
export function tieGroups(sorted: readonly number[]): [number, number][] {
  const out: [number, number][] = []
  for (let i = 0; i < sorted.length;) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[i]) j++
    out.push([i, j])
    i = j + 1
  }
  return out
}

/**
 * layers[k][s] = number of k-element subsets of `weights` (non-negative integers) whose sum is s,
 * for k = 0..maxPick. Dynamic programming over the items, each layer filled back to front.
 */
export function subsetSums(weights: readonly number[], maxPick: number): Float64Array[] {
  const total = weights.reduce((a, b) => a + b, 0)
  const layers = Array.from({ length: maxPick + 1 }, () => new Float64Array(total + 1))
  layers[0][0] = 1
  let seen = 0
  for (const w of weights) {
    seen += w
    for (let k = maxPick - 1; k >= 0; k--) {
      const from = layers[k]
      const to = layers[k + 1]
      for (let s = seen - w; s >= 0; s--) if (from[s] !== 0) to[s + w] += from[s]
    }
  }
  return layers
}

/**
 * Two-sided p-value of an observed statistic: dist[s] counts the equally likely labellings whose
 * statistic is s; min(1, 2 · min(P(S ≤ observed), P(S ≥ observed))).
 */
export function twoSidedP(dist: ArrayLike<number>, observed: number): number {
  let lower = 0
  let upper = 0
  let total = 0
  for (let s = 0; s < dist.length; s++) {
    const count = dist[s]
    if (count === 0) continue
    total += count
    if (s <= observed) lower += count
    if (s >= observed) upper += count
  }
  return Math.min(1, (2 * Math.min(lower, upper)) / total)
}

/** n choose k, 0 outside 0 ≤ k ≤ n. */
export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0
  let r = 1
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i
  return r
}
