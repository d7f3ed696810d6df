/**
 * `test-flags` are written for `go test` (`-short`, `-cpu 4`); a compiled test binary wants the
 * `-test.` prefix. Flags the bench stage sets itself (run, bench, benchtime, count, profiles, -v
 * which changes the output format, -json, timeout) are dropped with a note instead of silently
 * fighting ours. Unknown flags (a package's own, like `-update`) pass through unchanged.
 */

const BOOLEAN = new Set(['short', 'v', 'benchmem', 'failfast', 'fullpath', 'json', 'paniconexit0'])
const PASS = new Set([
  'short',
  'cpu',
  'parallel',
  'shuffle',
  'skip',
  'failfast',
  'fullpath',
  'paniconexit0',
  'benchmem',
  'memprofilerate',
  'blockprofilerate',
  'mutexprofilefraction'
])
const OURS = new Set([
  'run',
  'bench',
  'benchtime',
  'count',
  'list',
  'v',
  'json',
  'timeout',
  'cpuprofile',
  'memprofile',
  'blockprofile',
  'mutexprofile',
  'trace',
  'coverprofile',
  'outputdir',
  'fuzz',
  'fuzztime',
  'fuzzminimizetime',
  'fuzzcachedir',
  'testlogfile',
  'artifacts',
  'cover',
  'covermode',
  'coverpkg'
])

/** Result of translating `test-flags` for a benchmark binary. */
export interface TranslatedFlags {
  args: string[]
  /** Flags that were dropped, as given. */
  dropped: string[]
}

/** Translates go-test-style flags to test-binary flags. Pure. */
export function translateTestFlags(flags: readonly string[]): TranslatedFlags {
  const args: string[] = []
  const dropped: string[] = []
  for (let i = 0; i < flags.length; i++) {
    const f = flags[i]
    if (f === '-args' || f === '--args') {
      args.push(...flags.slice(i + 1))
      break
    }
    const m = /^--?(?:test\.)?([A-Za-z][\w-]*)(=.*)?$/.exec(f)
    if (!m) {
      args.push(f)
      continue
    }
    const [, name, eq] = m
    const takesValue = !BOOLEAN.has(name) && eq === undefined && (PASS.has(name) || OURS.has(name))
    if (OURS.has(name)) {
      dropped.push(takesValue && i + 1 < flags.length ? `${f} ${flags[++i]}` : f)
      continue
    }
    if (PASS.has(name)) {
      args.push(`-test.${name}${eq ?? ''}`)
      if (takesValue && i + 1 < flags.length) args.push(flags[++i])
      continue
    }
    args.push(f)
  }
  return { args, dropped }
}
