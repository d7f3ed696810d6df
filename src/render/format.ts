/**
 * Human formatting of benchmark numbers, in the spirit of benchstat's display: seconds get
 * n/µ/m prefixes, byte units binary prefixes (KiB, MiB), other units decimal SI prefixes. Input
 * numbers may come from a hostile report, so anything non-finite prints as `n/a`.
 */
import type { MetricComparison, MetricKind, MetricSummary } from '../domain/model.js'

/** Three significant digits, no exponent ("1.20", "25.2", "812"); whole numbers stay whole. */
function sig3(v: number): string {
  const a = Math.abs(v)
  if (Number.isInteger(v) && a < 1000) return String(v)
  if (a >= 100) return v.toFixed(0)
  if (a >= 10) return v.toFixed(1)
  return v.toFixed(2)
}

const DECIMAL: Array<[number, string]> = [
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
  [1, ''],
  [1e-3, 'm'],
  [1e-6, 'µ'],
  [1e-9, 'n'],
  [1e-12, 'p']
]
const BINARY: Array<[number, string]> = [
  [2 ** 40, 'Ti'],
  [2 ** 30, 'Gi'],
  [2 ** 20, 'Mi'],
  [2 ** 10, 'Ki'],
  [1, '']
]

function scaled(v: number, scale: Array<[number, string]>): [string, string] {
  const a = Math.abs(v)
  for (const [factor, prefix] of scale) {
    if (a >= factor * 0.9995) return [sig3(v / factor), prefix]
  }
  const [factor, prefix] = scale[scale.length - 1]
  return [sig3(v / factor), prefix]
}

/** The kind of scale a (benchstat-tidied) unit uses. */
function unitFamily(unit: string): 'sec' | 'bytes' | 'count' | 'other' {
  if (/(?:^|-)sec(?:\/|$)/.test(unit)) return 'sec'
  if (/(?:^|-)(?:B|bytes)(?:\/|$)/.test(unit)) return 'bytes'
  if (/^allocs\/op$/.test(unit)) return 'count'
  return 'other'
}

/**
 * A value in its unit, e.g. `4.24µs` (sec/op), `15.9KiB` (B/op), `8` (allocs/op), `21.4m`
 * (gc-cycles/op: the unit is shown in the metric column).
 */
export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return 'n/a'
  const family = unitFamily(unit)
  if (value === 0) return family === 'sec' ? '0s' : family === 'bytes' ? '0B' : '0'
  switch (family) {
    case 'sec': {
      const [n, p] = scaled(value, DECIMAL.slice(4))
      return `${n}${p}s`
    }
    case 'bytes': {
      const rate = unit.endsWith('/s') ? '/s' : ''
      if (Math.abs(value) < 1) return `${sig3(value)}B${rate}`
      const [n, p] = scaled(value, BINARY)
      return `${n}${p}B${rate}`
    }
    case 'count':
      if (Number.isInteger(value) && Math.abs(value) < 1e4) return String(value)
      return scaled(value, DECIMAL).join('')
    default:
      return scaled(value, DECIMAL).join('')
  }
}

/** The half-width of the confidence interval relative to the center, e.g. `±2%`, or ''. */
export function formatSpread(s: MetricSummary): string {
  if (s.low === null || s.high === null || !Number.isFinite(s.center) || s.center === 0) return ''
  const spread = Math.max(s.center - s.low, s.high - s.center) / Math.abs(s.center)
  if (!Number.isFinite(spread) || spread < 0) return ''
  return `±${spread < 0.01 ? '<1' : Math.round(spread * 100)}%`
}

/** A summary as `4.24µs ±2%`, or `—` when the side has no samples. */
export function formatSummary(s: MetricSummary | null, unit: string): string {
  if (!s) return '—'
  const spread = formatSpread(s)
  return spread ? `${formatValue(s.center, unit)} ${spread}` : formatValue(s.center, unit)
}

/** `+20.8%`, `-5.3%`, `+0.0%`; `n/a` when undefined. */
export function formatDelta(delta: number | null): string {
  if (delta === null || !Number.isFinite(delta)) return 'n/a'
  const pct = delta * 100
  const digits = Math.abs(pct) >= 1000 ? 0 : 1
  return `${pct >= 0 ? '+' : '-'}${Math.abs(pct).toFixed(digits)}%`
}

/** The delta of a comparison; `from 0` when the base was zero and the head is not. */
export function formatChange(c: MetricComparison): string {
  if (c.delta === null && c.base?.center === 0 && c.head && c.head.center !== 0) return 'from 0'
  return formatDelta(c.delta)
}

/** `0.002`, `<0.001`, `—`. */
export function formatP(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return '—'
  return p < 0.001 ? '<0.001' : p.toFixed(3)
}

/** A fraction as a percentage: 0.1 → `10%`. */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return 'n/a'
  return `${Number((fraction * 100).toFixed(2))}%`
}

const KIND_LABEL: Record<MetricKind, string> = {
  time: 'time',
  alloc: 'memory',
  gc: 'GC',
  other: 'other'
}

/** Which threshold applied, e.g. `time 10%`, plus the confirmation state when known. */
export function formatThreshold(c: MetricComparison): string {
  const label = KIND_LABEL[c.kind] as string | undefined
  const base = !label || c.kind === 'other' ? 'none' : `${label} ${formatPercent(c.threshold)}`
  if (c.confirmed === true) return `${base}, confirmed`
  if (c.confirmed === false) return `${base}, not confirmed`
  return base
}

/** Sort rank of metric kinds: time, memory, GC, then custom units. */
export const KIND_ORDER: Record<MetricKind, number> = { time: 0, alloc: 1, gc: 2, other: 3 }

/** Milliseconds as `1m 05s`, `12.3s`, `850ms`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return 'n/a'
  if (ms < 1000) return `${Math.round(ms)}ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`
  const s = Math.round(ms / 1000)
  return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`
}
