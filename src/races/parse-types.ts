/** Plain results of parsing one `go test -json` run (see go-test-json.ts). */
import type { GoroutineOrigin, RaceAccess } from '../domain/model.js'

/** A race as parsed from one run, collapsed by structural key, not yet fingerprinted. */
export interface RawRace {
  /** Package, top frames and access kinds; no goroutine ids, addresses or offsets. */
  key: string
  package: string
  /** Tests the report was charged to or that logged `race detected during execution of test`. */
  tests: string[]
  outsideTest: boolean
  accesses: [RaceAccess, RaceAccess]
  goroutines: GoroutineOrigin[]
  /** Report blocks collapsed into this race. */
  occurrences: number
  /** True when at least one block had no closing separator (truncated output). */
  partial: boolean
}

export type PackageStatus = 'pass' | 'fail' | 'skip' | 'unknown'

export interface PanicInfo {
  test: string | null
  message: string
}

/** What happened to one package's test binary. */
export interface PackageReport {
  package: string
  /** Last package-level pass/fail/skip event; `unknown` when the stream ended first. */
  status: PackageStatus
  buildFailed: boolean
  /** Compiler output (Go 1.24+ build-output events or the stderr text form), bounded. */
  buildOutput: string[]
  timedOut: boolean
  timeoutMessage: string | null
  panics: PanicInfo[]
  /** Tests with a `fail` event (including those failed only by the race detector). */
  failedTests: string[]
  /** Tests that logged `race detected during execution of test`. */
  raceTests: string[]
  /** `testing: race detected outside of test execution` was printed. */
  raceOutsideTests: boolean
  /** Sum of `Found N data race(s)` trailers (exit 66 path), or null when none was printed. */
  foundRaces: number | null
  /** Race report blocks seen (before collapsing). */
  raceBlocks: number
  /** `start` events: one per test binary execution. */
  starts: number
}

export interface GoTestParseResult {
  packages: PackageReport[]
  races: RawRace[]
  /** Lines or blocks that were not understood. */
  unparsed: number
  unparsedSamples: string[]
  /** Events with an Action this parser does not know, by action. */
  unknownActions: Record<string, number>
  /** JSON lines decoded. */
  events: number
  /** The last lines of stderr that were not build output (bounded). */
  stderrTail: string[]
}
