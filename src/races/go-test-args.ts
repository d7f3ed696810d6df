/** Argument vectors and environment for the race stage's `go test` / `go list` runs. Pure. */
import type { Config } from '../domain/config.js'

/**
 * GORACE for CI runs.
 * - `atexit_sleep_ms=0`: since Go 1.21 every race binary otherwise sleeps 1 s at exit.
 * - `halt_on_error=0`: keep going after the first report so every race is seen.
 * - `history_size=2`: 4x the default history (128K memory accesses per goroutine). With TSan v3
 *   (Go 1.19+) a race whose previous access fell out of the history is not reported at all
 *   (no `[failed to restore the stack]` any more): our `stack` fixture's race is silently lost
 *   at 0 and 1 and reported at 2. Larger values cost memory per live goroutine on big suites.
 */
export const STAGE_GORACE = 'atexit_sleep_ms=0 halt_on_error=0 history_size=2'

/** Extra wall-clock allowed on top of `-timeout` for building test binaries. */
export const DEADLINE_MARGIN_MS = 5 * 60_000

/** Escapes Go (RE2) regexp metacharacters. */
export function escapeRegexp(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')
}

/** `-run` pattern matching exactly the given top-level tests, or `^$` for none (init/TestMain only). */
export function runPattern(tests: readonly string[]): string {
  if (tests.length === 0) return '^$'
  return `^(${[...tests].sort().map(escapeRegexp).join('|')})$`
}

export interface GoTestArgsOptions {
  config: Pick<Config, 'buildFlags' | 'testFlags' | 'testTimeout'>
  packages: readonly string[]
  count: number
  /** Restrict to these tests (`-run`), placed after the user's test flags so it wins. */
  run: string | null
}

/** `go test -race -json ...` arguments (argv, no shell). */
export function goTestArgs(o: GoTestArgsOptions): string[] {
  for (const p of o.packages) {
    if (p.startsWith('-')) throw new Error(`refusing package argument that looks like a flag: ${p}`)
  }
  const args = ['test', '-race', '-json', ...o.config.buildFlags, ...o.config.testFlags]
  args.push(`-count=${o.count}`, `-timeout=${o.config.testTimeout}`)
  if (o.run !== null) args.push(`-run=${o.run}`)
  return [...args, ...o.packages]
}

/** Environment additions for race runs. */
export function raceEnv(): Record<string, string> {
  return { GORACE: STAGE_GORACE }
}
