/** Shorter display forms of Go names; the full forms stay in stacks and in the JSON report. */
import type { Frame, RaceAccess } from '../domain/model.js'

/** `example.com/m/store.(*Cache).Miss` → `store.(*Cache).Miss`. */
export function shortFunc(func: string): string {
  // The package path ends at the last `/` before any receiver `(` or type argument `[`.
  const end = func.search(/[([]/)
  const slash = func.lastIndexOf('/', end >= 0 ? end : func.length)
  return slash >= 0 ? func.slice(slash + 1) : func
}

/**
 * Display labels for import paths with their common leading segments removed
 * (`example.com/m/codec`, `example.com/m/store` → `codec`, `store`); each keeps its last segment.
 */
export function packageLabels(packages: Iterable<string>): Map<string, string> {
  const unique = [...new Set(packages)]
  const split = unique.map((p) => p.split('/'))
  let common = split.length > 0 ? Math.min(...split.map((s) => s.length - 1)) : 0
  for (let i = 0; i < common; i++) {
    if (split.some((s) => s[i] !== split[0][i])) common = i
  }
  return new Map(unique.map((p, i) => [p, split[i].slice(common).join('/')]))
}

/** The frame that points into the module (what a reviewer should open), else the innermost. */
export function primaryFrame(access: RaceAccess): Frame | null {
  return access.frames.find((f) => f.relFile !== null) ?? access.frames[0] ?? null
}

/** `Read`, `Previous write`. */
export function accessLabel(access: RaceAccess): string {
  const kind = access.kind === 'write' ? 'write' : 'read'
  return access.previous ? `Previous ${kind}` : kind[0].toUpperCase() + kind.slice(1)
}

/**
 * Top-level test or benchmark function of a (sub)test name, when it is a plain Go identifier
 * (safe to put in a `-run`/`-bench` pattern and a shell command), else null.
 */
export function topLevelName(name: string): string | null {
  const top = name.split('/')[0]
  return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(top) && top.length <= 200 ? top : null
}
