/**
 * Writes samples as a Go benchmark data file (proposal 14313) that benchstat and people can read.
 * Config lines carry what distinguishes the samples — `side`, `gc-variant`, `pkg` and the
 * goos/goarch/cpu lines the test binary printed — and are repeated only when they change.
 * benchstat is then run with `-col side`, so `side` becomes the column and everything else in
 * the config (variant, package) splits tables: the same benchmark name in two packages never mixes.
 */
import type { Sample } from './types.js'

const ORDER = ['side', 'gc-variant', 'goos', 'goarch', 'pkg', 'cpu']

/** Formats a number without exponent where reasonable (the format allows any ParseFloat syntax). */
function num(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(10)))
}

/** Benchmark names are one field: whitespace would split them, so it becomes `_` as testing does. */
function safeName(name: string): string {
  return name.replace(/\s/g, '_')
}

/** Config values are the rest of the line: no newlines. */
function safeValue(v: string): string {
  return v.replace(/[\r\n]+/g, ' ')
}

/** Renders samples (one side, one variant, or any mix) in benchmark format. Pure. */
export function writeBenchfmt(samples: readonly Sample[]): string {
  const lines: string[] = []
  const current = new Map<string, string>()
  for (const s of samples) {
    const config: Record<string, string> = {
      ...s.config,
      side: s.side,
      'gc-variant': s.variant,
      pkg: s.package
    }
    const keys = [
      ...ORDER.filter((k) => k in config),
      ...Object.keys(config)
        .filter((k) => !ORDER.includes(k))
        .sort()
    ]
    for (const k of keys) {
      const v = safeValue(config[k])
      if (current.get(k) !== v) {
        lines.push(`${k}: ${v}`)
        current.set(k, v)
      }
    }
    const name = safeName(s.procs === null ? s.name : `${s.name}-${s.procs}`)
    const metrics = s.measurements.map((m) => `${num(m.value)} ${m.unit}`).join('\t')
    lines.push(`${name}\t${s.iterations}\t${metrics}`)
  }
  return lines.length ? lines.join('\n') + '\n' : ''
}
