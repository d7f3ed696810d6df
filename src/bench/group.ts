/** Groups samples into per-metric base/head value lists, and failures into Problems. Pure. */
import type { Problem } from '../domain/model.js'
import type { MetricSamples } from './gate.js'
import type { RunFailure } from './rounds.js'
import type { Sample } from './types.js'
import { tidyUnit } from './units.js'

/** Key of one compared metric: variant, package, benchmark, tidied unit. */
export function metricKey(m: {
  variant: string
  package: string
  benchmark: string
  unit: string
}): string {
  return JSON.stringify([m.variant, m.package, m.benchmark, m.unit])
}

/**
 * Groups samples by (variant, package, benchmark, tidied unit). Metrics seen on only one side are
 * not compared; benchmarks seen on only one side are reported in `notes`.
 */
export function groupMetrics(samples: readonly Sample[]): {
  metrics: MetricSamples[]
  notes: string[]
} {
  const byKey = new Map<string, MetricSamples>()
  const benchSides = new Map<string, Set<string>>()
  for (const s of samples) {
    const bk = JSON.stringify([s.variant, s.package, s.name])
    ;(benchSides.get(bk) ?? benchSides.set(bk, new Set()).get(bk)!).add(s.side)
    for (const m of s.measurements) {
      const t = tidyUnit(m.unit)
      const base = { variant: s.variant, package: s.package, benchmark: s.name, unit: t.unit }
      const key = metricKey(base)
      const entry = byKey.get(key) ?? { ...base, base: [], head: [] }
      byKey.set(key, entry)
      entry[s.side].push(m.value * t.factor)
    }
  }
  const notes: string[] = []
  for (const [bk, sides] of benchSides) {
    if (sides.size === 2) continue
    const [variant, pkg, name] = JSON.parse(bk) as string[]
    const only = [...sides][0]
    notes.push(`${pkg} ${name} (${variant}): only measured on ${only}, not compared`)
  }
  const metrics = [...byKey.values()].filter((m) => m.base.length > 0 && m.head.length > 0)
  return { metrics, notes }
}

/** One Problem per distinct failure (side, package, benchmark, kind), with how often it happened. */
export function failureProblems(failures: readonly RunFailure[]): Problem[] {
  const seen = new Map<string, { f: RunFailure; count: number; variants: Set<string> }>()
  for (const f of failures) {
    const key = JSON.stringify([f.side, f.package, f.name, f.kind])
    const e = seen.get(key) ?? { f, count: 0, variants: new Set<string>() }
    e.count++
    e.variants.add(f.variant)
    seen.set(key, e)
  }
  return [...seen.values()].map(({ f, count, variants }) => {
    const what =
      f.kind === 'panic' ? 'panicked' : f.kind === 'fail' ? 'failed' : 'produced no result'
    const who = f.name ?? 'the benchmark binary'
    const detail = f.detail.slice(0, 8).join('\n')
    return {
      kind: f.kind === 'panic' ? 'panic' : 'bench-failed',
      side: f.side,
      package: f.package,
      message: `${who} ${what} on ${f.side} in ${count} run(s) (${[...variants].join(', ')}); its results are not compared${detail ? `:\n${detail}` : ''}`,
      // Failing on head is the PR's doing and leaves it unmeasured; failing on base is not.
      blocking: f.side === 'head'
    }
  })
}
