/**
 * How fine the time measurements were. When the 95 % interval of base's median sec/op reaches
 * further than the time threshold from the median, a change of the threshold's size can hide in
 * the noise of this runner, and a green build says less than it seems. One note names those
 * benchmarks instead of staying silent. Pure.
 */
import type { MetricComparison } from '../domain/model.js'

const MAX_NAMED = 8

/** The relative half-width of the base median's interval, on its wider side, or null. */
export function timeNoise(c: MetricComparison): number | null {
  const b = c.base
  if (!b || b.low === null || b.high === null || !(b.center > 0)) return null
  return Math.max(b.center - b.low, b.high - b.center) / b.center
}

/** A note listing the time comparisons noisier than their threshold, or null when none are. */
export function resolutionNote(comparisons: readonly MetricComparison[]): string | null {
  const time = comparisons.filter((c) => c.unit === 'sec/op')
  const noisy = time
    .map((c) => ({ c, noise: timeNoise(c) }))
    .filter((x): x is { c: MetricComparison; noise: number } => x.noise !== null)
    .filter((x) => x.noise > x.c.threshold && x.c.verdict !== 'regression')
    .sort((a, b) => b.noise - a.noise)
  if (noisy.length === 0) return null
  const pct = (f: number) => `${Math.round(f * 100)}%`
  const named = noisy
    .slice(0, MAX_NAMED)
    .map(({ c, noise }) => `${c.benchmark} (${c.variant}: ±${pct(noise)})`)
  const more = noisy.length > MAX_NAMED ? ` and ${noisy.length - MAX_NAMED} more` : ''
  return (
    `time too noisy to resolve the ${pct(noisy[0].c.threshold)} threshold in ${noisy.length} of ` +
    `${time.length} comparisons (95% interval of base's median): ${named.join(', ')}${more}. ` +
    `A slowdown of that size there can go unnoticed; raise bench-count or benchtime.`
  )
}
