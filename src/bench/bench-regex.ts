/**
 * `-test.bench` patterns. testing splits the pattern on `/` (outside brackets) and matches each
 * level of a benchmark's name separately, so a set of exact names becomes one alternation per
 * level. The cross product can over-match (A/x and B/y also select A/y); the stage only uses the
 * names it asked for, so that costs time, never correctness.
 */

/** Escapes regexp metacharacters (RE2 syntax). */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')
}

/**
 * `-test.bench` patterns selecting exactly these benchmarks (full names, no `-procs`), one per
 * name depth: a pattern with more levels than a leaf benchmark's name only matches it partially,
 * and testing then does not measure it, so names of different depths need separate runs.
 */
export function exactBenchPatterns(names: readonly string[]): string[] {
  const byDepth = new Map<number, string[][]>()
  for (const n of names) {
    const parts = n.split('/')
    const group = byDepth.get(parts.length) ?? []
    group.push(parts)
    byDepth.set(parts.length, group)
  }
  return [...byDepth.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([depth, group]) =>
      Array.from({ length: depth }, (_, i) => {
        const alts = [...new Set(group.map((p) => quoteMeta(p[i])))]
        return `^${alts.length === 1 ? alts[0] : `(?:${alts.join('|')})`}$`
      }).join('/')
    )
}

/**
 * The user's `bench` pattern split at its first top-level `/` (outside brackets and parentheses):
 * the part `-test.list` matches against top-level names, and the rest (`''` or `/…`) for sub-benchmarks.
 */
export function splitTopLevel(bench: string): { top: string; rest: string } {
  let depth = 0
  for (let i = 0; i < bench.length; i++) {
    const c = bench[i]
    if (c === '[' || c === '(') depth++
    else if (c === ']' || c === ')') depth--
    else if (c === '\\') i++
    else if (c === '/' && depth === 0)
      return { top: bench.slice(0, i) || '.', rest: bench.slice(i) }
  }
  return { top: bench, rest: '' }
}

/** The top-level part of the user's `bench` pattern, for `-test.list` (which sees top-level names). */
export function topLevelPattern(bench: string): string {
  return splitTopLevel(bench).top
}
