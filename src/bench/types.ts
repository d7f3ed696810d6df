/** Plain data shared by the bench parsers, the statistics gate and the bench stage. */
import type { Side } from '../domain/model.js'

/** One metric value as printed: `123 ns/op`, `64 B/op`, `12.50 hits`. */
export interface Measurement {
  value: number
  unit: string
}

/** One benchmark result line (proposal 14313), with the file-level config in force. */
export interface BenchResult {
  /** Name as printed, without the `-procs` suffix, e.g. `BenchmarkNames/k=v,w=x`. */
  name: string
  /** GOMAXPROCS suffix, or null when the name had none (GOMAXPROCS=1). */
  procs: number | null
  iterations: number
  measurements: Measurement[]
  /** Config lines (`key: value`) in force for this result. */
  config: Record<string, string>
}

/** One benchmark sample of one run of a test binary, with GC metrics from gctrace. */
export interface Sample extends BenchResult {
  package: string
  side: Side
  /** GC variant label, e.g. `GOGC=100`. */
  variant: string
  /** 1-based round; confirmation rounds continue the numbering. */
  round: number
}

/** A benchmark that failed (`--- FAIL`), panicked or reported no iterations. */
export interface BenchFailure {
  /** Benchmark name without the `-procs` suffix, or null when the process died outside one. */
  name: string | null
  kind: 'fail' | 'panic' | 'no-result'
  /** First lines of the failure output (bounded). */
  detail: string[]
}

/** Units added from gctrace; see gc-metrics.ts for how each is computed. */
export const GC_UNITS = {
  cycles: 'gc-cycles/op',
  stw: 'stw-ns/op',
  peakHeap: 'peak-heap-B'
} as const
