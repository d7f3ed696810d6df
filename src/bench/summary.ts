/** Median and a distribution-free confidence interval of the median, as benchstat reports them. */
import type { MetricSummary } from '../domain/model.js'

/** The sample median (mean of the two middle values for even n). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const n = s.length
  if (n === 0) return NaN
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
}

/**
 * Order-statistic CI [x(j), x(n+1-j)] with the largest j whose coverage 1 − 2·P(Bin(n,½) < j) is at
 * least `confidence`; null bounds when even j = 1 falls short (n < 6 at 0.95, like benchstat's
 * "need >= 6 samples for confidence interval").
 */
export function summarize(values: readonly number[], confidence = 0.95): MetricSummary {
  const s = [...values].sort((a, b) => a - b)
  const n = s.length
  let best = 0
  let cdf = 0 // P(Bin(n,1/2) <= j-1)
  for (let j = 1; j <= Math.floor(n / 2); j++) {
    cdf += binomPmfHalf(n, j - 1)
    if (1 - 2 * cdf >= confidence) best = j
    else break
  }
  return {
    center: median(s),
    low: best > 0 ? s[best - 1] : null,
    high: best > 0 ? s[n - best] : null,
    n
  }
}

function binomPmfHalf(n: number, k: number): number {
  let c = 1
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i
  return c / 2 ** n
}
