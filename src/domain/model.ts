/**
 * The domain model shared by every stage. Plain data only: parsers produce it, comparators
 * classify it, renderers read it, and the JSON report (`Report`) is exactly this shape.
 */

export type Side = 'base' | 'head'

// ---------------------------------------------------------------- races

/** One stack frame of a race report. */
export interface Frame {
  /** Function as printed, e.g. `example.com/m/pkg.(*T).Inc.func1`. `??` when unknown. */
  func: string
  /** File as printed (absolute on the machine that ran it). Empty when unknown. */
  file: string
  /** Module-relative path with `/` separators when the file is inside the module, else null. */
  relFile: string | null
  line: number
}

export type AccessKind = 'read' | 'write'

export interface RaceAccess {
  kind: AccessKind
  /** True for the `Previous read/write` access. */
  previous: boolean
  goroutine: number | null
  /** Innermost frame first. Empty when the stack could not be restored. */
  frames: Frame[]
  stackRestoreFailed: boolean
}

export interface GoroutineOrigin {
  goroutine: number
  state: 'running' | 'finished' | 'unknown'
  /** Creation stack, innermost first. */
  frames: Frame[]
}

/** One race, deduplicated by fingerprint within one side's runs. */
export interface Race {
  fingerprint: string
  /** Import path of the package whose test binary reported it. */
  package: string
  /** Tests it was seen in (top-level or subtest names); empty when outside any test. */
  tests: string[]
  /** True when reported outside test execution (init, TestMain, after m.Run). */
  outsideTest: boolean
  /** [current access, previous access]. */
  accesses: [RaceAccess, RaceAccess]
  goroutines: GoroutineOrigin[]
  /** How many report blocks were collapsed into this race. */
  occurrences: number
  /** The trimmed source text of each access's first in-module line, used by the fingerprint. */
  sourceLines: [string, string]
  /** True when a report block was cut short (no closing separator, truncated stream). */
  partial?: boolean
}

export type RaceClass = 'new' | 'existing' | 'fixed' | 'unclassified'

export interface RunTally {
  /** How many runs of the relevant tests were made on that side. */
  runs: number
  /** How many of them reported this race. */
  seen: number
}

export interface ClassifiedRace {
  class: RaceClass
  /** Why `unclassified`, or a note (e.g. "seen on base in 1 of 3 confirmation runs"). */
  reason: string | null
  /** The race as seen on head (new, existing) or on base (fixed). */
  race: Race
  head: RunTally
  base: RunTally
}

/** One `go test` invocation the race stage made. */
export interface RaceRunRecord {
  side: Side
  purpose: 'initial' | 'confirm'
  packages: string[]
  /** `-run` pattern when restricted, else null. */
  run: string | null
  count: number
  exitCode: number | null
  durationMs: number
}

export interface RaceSection {
  enabled: boolean
  items: ClassifiedRace[]
  runs: RaceRunRecord[]
  /** Output lines/blocks the parser did not understand (counted, never silently dropped). */
  unparsed: number
  /** Samples of what was not understood (bounded). */
  unparsedSamples: string[]
}

// ---------------------------------------------------------------- benchmarks

export type MetricKind = 'time' | 'alloc' | 'gc' | 'other'

/** Summary of one side's samples for one metric (benchstat's center and confidence interval). */
export interface MetricSummary {
  center: number
  /** Lower and upper bounds of the confidence interval, or null when n is too small. */
  low: number | null
  high: number | null
  n: number
}

export type ChangeVerdict = 'regression' | 'improvement' | 'unchanged' | 'inconclusive'

export interface MetricComparison {
  /** GC variant label, e.g. `GOGC=100`. */
  variant: string
  package: string
  /** Full benchmark name without the `Benchmark` prefix stripped, with `-procs` suffix removed. */
  benchmark: string
  /** Unit as benchstat tidies it: `sec/op`, `B/op`, `allocs/op`, `gc-cycles/op`, custom units. */
  unit: string
  kind: MetricKind
  base: MetricSummary | null
  head: MetricSummary | null
  /** Relative change of the center, head vs base (0.12 = +12%), or null when undefined. */
  delta: number | null
  /** p-value of the gate's test (fast-end for time, Mann-Whitney U for the rest), or null. */
  p: number | null
  /** p-value threshold after the multiple-comparison correction. */
  alphaAdjusted: number
  /** The threshold fraction for this metric kind. */
  threshold: number
  verdict: ChangeVerdict
  /** Extra-round confirmation: null when not attempted. */
  confirmed: boolean | null
  /** Lower is better (true for every built-in unit). */
  lowerIsBetter: boolean
  /** Where the benchmark function is declared on head (module-relative), for annotations. */
  source?: { relFile: string; line: number } | null
}

export interface PprofDiff {
  package: string
  benchmark: string
  profile: 'cpu' | 'mem'
  /** `go tool pprof -top -diff_base` lines, already trimmed to the top entries. */
  top: string[]
}

export interface BenchSection {
  enabled: boolean
  variants: string[]
  comparisons: MetricComparison[]
  profiles: PprofDiff[]
  /** Which multiple-comparison correction was applied, in words. */
  correction: string
  /** Lines of benchmark output that were not understood. */
  unparsed: number
  unparsedSamples: string[]
  /** benchstat text output per variant, for humans. */
  benchstatText: Record<string, string>
  /** Number of interleaved rounds per variant actually run. */
  rounds: number
  durationMs: number
  /**
   * Things worth telling the reader that are not problems: packages without benchmarks,
   * benchmarks measured on one side only, dropped test-flags. Added by the bench stage.
   */
  notes?: string[]
}

// ---------------------------------------------------------------- problems, verdict, report

export type ProblemKind =
  | 'build-failed'
  | 'timeout'
  | 'test-failed'
  | 'panic'
  | 'base-unavailable'
  | 'tool-error'
  | 'bench-failed'

export interface Problem {
  kind: ProblemKind
  side: Side | null
  package: string | null
  message: string
  /** Whether this problem makes the verdict `incomplete`. */
  blocking: boolean
}

export type VerdictStatus = 'pass' | 'fail' | 'incomplete'

export interface Counts {
  newRaces: number
  existingRaces: number
  fixedRaces: number
  unclassifiedRaces: number
  regressions: number
  improvements: number
}

export interface Verdict {
  status: VerdictStatus
  /** One line each, most important first, e.g. "1 new data race". */
  reasons: string[]
  counts: Counts
}

export interface RepoInfo {
  /** e.g. https://github.com */
  serverUrl: string
  owner: string
  repo: string
  headSha: string
  baseSha: string | null
  prNumber: number | null
  runUrl: string | null
  /** Path of the Go module root relative to the repository root ('' for the root). */
  moduleDir: string
}

export const REPORT_SCHEMA = 'go-race-gc-guard/report@1'

export interface Report {
  schema: typeof REPORT_SCHEMA
  toolVersion: string
  goVersion: string | null
  repo: RepoInfo
  /** Inputs that shape how to read the report (thresholds, counts, variants, header). */
  settings: {
    commentHeader: string
    raceCount: number
    raceConfirm: number
    benchCount: number
    benchtime: string
    timeThreshold: number
    allocThreshold: number
    gcThreshold: number
    alpha: number
    packages: string[]
    bench: string
    /**
     * The fail-on-* inputs, so renderers can tell a failing finding (error annotation) from a
     * tolerated one (warning). Optional for older reports; absent means the input defaults.
     */
    failOnNewRaces?: boolean
    failOnRaces?: boolean
    failOnRegression?: boolean
  }
  shard: { index: number; total: number } | null
  races: RaceSection
  benchmarks: BenchSection
  problems: Problem[]
  artifact: { name: string; url: string | null } | null
  verdict: Verdict
}
