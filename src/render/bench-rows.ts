/** Ordering and table rows for benchmark comparisons. */
import type { ChangeVerdict, MetricComparison } from '../domain/model.js'
import type { RenderContext } from './context.js'
import type { Align } from './markdown.js'
import { code, text } from './escape.js'
import {
  formatChange,
  formatP,
  formatSummary,
  formatThreshold,
  formatValue,
  KIND_ORDER
} from './format.js'

const VERDICT_RANK: Record<ChangeVerdict, number> = {
  regression: 0,
  improvement: 1,
  inconclusive: 2,
  unchanged: 3
}

export const VERDICT_ICON: Record<ChangeVerdict, string> = {
  regression: '🔴',
  improvement: '🟢',
  inconclusive: '🟡',
  unchanged: ''
}

/**
 * The verdict as the counts see it: a regression or improvement that extra rounds did not
 * confirm is not counted (src/verdict.ts), so it is shown as inconclusive.
 */
export function effectiveVerdict(c: MetricComparison): ChangeVerdict {
  const changed = c.verdict === 'regression' || c.verdict === 'improvement'
  return changed && c.confirmed === false ? 'inconclusive' : c.verdict
}

/** All metrics of one benchmark under one GC variant. */
export interface BenchGroup {
  variant: string
  package: string
  benchmark: string
  rows: MetricComparison[]
}

function byKind(a: MetricComparison, b: MetricComparison): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0)
}

/** Groups comparisons per (variant, package, benchmark), keeping first-seen order. */
export function groupComparisons(comparisons: MetricComparison[]): BenchGroup[] {
  const groups = new Map<string, BenchGroup>()
  for (const c of comparisons) {
    const key = JSON.stringify([c.variant, c.package, c.benchmark])
    let g = groups.get(key)
    if (!g) {
      g = { variant: c.variant, package: c.package, benchmark: c.benchmark, rows: [] }
      groups.set(key, g)
    }
    g.rows.push(c)
  }
  for (const g of groups.values()) g.rows.sort(byKind)
  return [...groups.values()]
}

/** How far past its threshold a change is (for "most important first"). */
function severity(c: MetricComparison): number {
  const d = c.delta !== null && Number.isFinite(c.delta) ? Math.abs(c.delta) : 0
  return c.threshold > 0 ? d / c.threshold : d
}

/**
 * The changed metrics, most important first: regressions, then improvements, then inconclusive;
 * within a class the benchmark whose worst metric is furthest past its threshold first, and a
 * benchmark's time, memory and GC rows kept together.
 */
export function changedRows(comparisons: MetricComparison[]): MetricComparison[] {
  const changed = comparisons.filter((c) => effectiveVerdict(c) !== 'unchanged')
  const groups = groupComparisons(changed).map((g) => ({
    g,
    rank: Math.min(...g.rows.map((r) => VERDICT_RANK[effectiveVerdict(r)])),
    worst: Math.max(...g.rows.map(severity))
  }))
  groups.sort((a, b) => a.rank - b.rank || b.worst - a.worst)
  return groups.flatMap(({ g }) =>
    [...g.rows].sort(
      (a, b) =>
        VERDICT_RANK[effectiveVerdict(a)] - VERDICT_RANK[effectiveVerdict(b)] || byKind(a, b)
    )
  )
}

/** `<code>codec.BenchmarkEncode/size=1k</code>` with the package's short label. */
export function benchCell(ctx: RenderContext, pkg: string, benchmark: string): string {
  const label = ctx.benchPackages.get(pkg) ?? pkg
  return code(`${label}.${benchmark}`, 160)
}

export const CHANGED_HEADERS = ['', 'Benchmark', 'Metric', 'Base', 'Head', 'Δ', 'p', 'Threshold']
export const CHANGED_ALIGN: Align[] = [
  'center',
  'left',
  'left',
  'right',
  'right',
  'right',
  'right',
  'left'
]

/** One row of the changed-benchmarks table. */
export function changedRow(ctx: RenderContext, c: MetricComparison): string[] {
  const delta = formatChange(c)
  const verdict = effectiveVerdict(c)
  return [
    VERDICT_ICON[verdict] || '⚪',
    benchCell(ctx, c.package, c.benchmark),
    text(c.unit, 40),
    formatSummary(c.base, c.unit),
    formatSummary(c.head, c.unit),
    verdict === 'regression' ? `**${delta}**` : delta,
    formatP(c.p),
    formatThreshold(c)
  ]
}

/** `4.24µs → 9.35µs (+120.4%)` with the verdict's icon, for the all-results table. */
export function compactCell(c: MetricComparison | undefined): string {
  if (!c) return '—'
  const value = (s: MetricComparison['base']): string => (s ? formatValue(s.center, c.unit) : '—')
  const icon = VERDICT_ICON[effectiveVerdict(c)]
  return `${icon ? icon + ' ' : ''}${value(c.base)} → ${value(c.head)} (${formatChange(c)})`
}
