/** The one typed configuration, produced by `parseConfig` (src/config/parse-config.ts) from raw inputs. */

export type RaceBase = 'affected' | 'full' | 'off'
export type Mode = 'check' | 'report'
export type ProfileKind = 'cpu' | 'mem'

/** One GC setting benchmarks run under: `GOGC[/GOMEMLIMIT]`. */
export interface GcVariant {
  /** Stable display label, e.g. `GOGC=100`, `GOGC=off GOMEMLIMIT=1GiB`. Safe for file names after sanitising. */
  label: string
  /** `off` or a whole number as a string. */
  gogc: string
  /** A Go size like `512MiB`, or null for no limit. */
  gomemlimit: string | null
  /** The environment variables this variant sets for the benchmark process. */
  env: Record<string, string>
}

export interface Shard {
  /** 1-based index. */
  index: number
  total: number
}

export interface Config {
  goVersion: string
  goVersionFile: string
  goDownloadBaseUrl: string
  cache: boolean
  /** As given (relative to the workspace). */
  workingDirectory: string
  /** Package patterns for `go test`, already split on whitespace. */
  packages: string[]
  /** Flags for building tests, split like a shell would split words (quotes honoured, no expansion). */
  buildFlags: string[]
  /** Flags for running tests, split the same way. */
  testFlags: string[]
  race: boolean
  raceCount: number
  raceBase: RaceBase
  raceConfirm: number
  /** Go duration as given, e.g. `10m`; passed to `-timeout`. */
  testTimeout: string
  /** The same duration in milliseconds, for our own process deadlines. */
  testTimeoutMs: number
  /** `-bench` regexp; empty string disables benchmarks. */
  bench: string
  benchCount: number
  benchtime: string
  gcVariants: GcVariant[]
  baseRef: string
  profiles: ProfileKind[]
  artifactName: string
  artifactRetentionDays: number
  comment: boolean
  commentHeader: string
  githubToken: string
  failOnNewRaces: boolean
  failOnRaces: boolean
  failOnRegression: boolean
  /** Fractions: 10% → 0.1. */
  timeThreshold: number
  allocThreshold: number
  gcThreshold: number
  alpha: number
  mode: Mode
  shard: Shard | null
}
