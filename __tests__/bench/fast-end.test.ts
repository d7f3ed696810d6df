import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fastEndP, fastEndShift } from '../../src/bench/fast-end.js'
import { mannWhitneyP, minAchievableP } from '../../src/bench/mann-whitney.js'

/**
 * Oracle: the same statistic by enumerating every split of the pooled values (feasible for
 * N ≤ 14). Scores: (K + 1 − r)² on the K = ⌈N/2⌉ fastest ranks, tied values sharing the rounded
 * mean of their scores.
 */
function bruteForceP(base: number[], head: number[]): number {
  const pooled = [...base, ...head].sort((a, b) => a - b)
  const n = pooled.length
  const k = Math.ceil(n / 2)
  const scoreOf = new Map<number, number>()
  for (const v of new Set(pooled)) {
    const ranks = pooled.map((x, i) => (x === v ? i + 1 : 0)).filter((r) => r > 0)
    const sum = ranks.reduce((s, r) => s + (r <= k ? (k + 1 - r) ** 2 : 0), 0)
    scoreOf.set(v, Math.round(sum / ranks.length))
  }
  const scores = pooled.map((v) => scoreOf.get(v)!)
  const observed = head.reduce((s, v) => s + scoreOf.get(v)!, 0)
  let low = 0
  let high = 0
  let total = 0
  const walk = (i: number, left: number, sum: number) => {
    if (left === 0) {
      total++
      if (sum <= observed) low++
      if (sum >= observed) high++
      return
    }
    if (n - i < left) return
    walk(i + 1, left - 1, sum + scores[i])
    walk(i + 1, left, sum)
  }
  walk(0, head.length, 0)
  return Math.min(1, (2 * Math.min(low, high)) / total)
}

/** Deterministic PRNG so the null-rate checks are reproducible. */
function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32
}

describe('fastEndP', () => {
  it('equals the enumerated permutation p-value, ties included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 7 }),
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 7 }),
        (base, head) => {
          expect(fastEndP(base, head)).toBeCloseTo(bruteForceP(base, head), 12)
        }
      ),
      { numRuns: 300 }
    )
  })

  it('is 1 for an empty side or when every value is equal', () => {
    expect(fastEndP([], [1, 2])).toBe(1)
    expect(fastEndP([1, 2], [])).toBe(1)
    expect(fastEndP([5, 5, 5], [5, 5])).toBe(1)
  })

  it('reaches the same smallest p-value as Mann-Whitney for equal sides (confirmationRounds relies on it)', () => {
    for (let n = 3; n <= 20; n++) {
      const base = Array.from({ length: n }, (_, i) => i)
      const head = Array.from({ length: n }, (_, i) => 100 + i)
      expect(fastEndP(base, head)).toBeCloseTo(minAchievableP(n, n), 15)
    }
  })

  it('is symmetric in the sides and reads B/s from the high end', () => {
    const base = [100, 101, 103, 120, 140, 102, 99, 130]
    const head = [110, 112, 111, 150, 113, 125, 109, 160]
    expect(fastEndP(head, base)).toBeCloseTo(fastEndP(base, head), 12)
    const throughput = (xs: number[]) => xs.map((x) => 1e6 / x)
    expect(fastEndP(throughput(base), throughput(head), 'high')).toBeCloseTo(
      fastEndP(base, head),
      12
    )
  })

  it('keeps the false-alarm rate at α for identical sides, skewed noise and coarse ties alike', () => {
    const rand = rng(7)
    const skewed = () => 100 * (1 + (rand() < 0.3 ? 0.4 * rand() : 0.02 * rand()))
    for (const [n, draw] of [
      [10, skewed],
      [20, skewed],
      [10, () => Math.round(rand() * 8)]
    ] as const) {
      let rejected = 0
      const trials = 2000
      for (let t = 0; t < trials; t++) {
        const a = Array.from({ length: n }, draw)
        const b = Array.from({ length: n }, draw)
        if (fastEndP(a, b) <= 0.05) rejected++
      }
      // Binomial(2000, 0.05) has sd 0.49 %; 6.5 % is three of them above α.
      expect(rejected / trials).toBeLessThan(0.065)
    }
  })

  it('sees a 10% slower floor under a slow tail that hides it from Mann-Whitney', () => {
    // Ten samples per side: a floor with 2% jitter, and four of ten slowed 20-45% by the machine.
    const base = [100, 101.5, 100.8, 102, 101.2, 130, 138, 125, 145, 122]
    const head = [110, 111.6, 110.9, 112.2, 111.3, 121, 112.8, 126, 113.5, 133]
    expect(mannWhitneyP(base, head)).toBeGreaterThan(0.05)
    expect(fastEndP(base, head)).toBeLessThan(0.05)
  })

  it('handles 100 samples a side without a large table', () => {
    const rand = rng(11)
    const base = Array.from({ length: 100 }, () => 100 + 5 * rand())
    const head = Array.from({ length: 100 }, () => 104 + 5 * rand())
    expect(fastEndP(base, head)).toBeLessThan(1e-6)
  })
})

describe('fastEndShift', () => {
  it('compares lower quartiles for sec/op and upper quartiles for B/s', () => {
    const base = [100, 200, 102, 104, 300, 101, 150, 103, 250]
    const head = [110, 111, 400, 115, 112, 113, 500, 114, 116]
    // Lower quartile: index 2 of 9 sorted — 102 on base, 112 on head.
    expect(fastEndShift(base, head)).toBeCloseTo(112 / 102 - 1, 12)
    const inv = (xs: number[]) => xs.map((x) => 1 / x)
    expect(fastEndShift(inv(base), inv(head), 'high')).toBeCloseTo(102 / 112 - 1, 12)
    expect(fastEndShift([], head)).toBeNull()
  })
})
