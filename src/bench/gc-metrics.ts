/**
 * GC metrics of one benchmark sample, from the gctrace cycles printed while it ran.
 *
 * What the testing package does (testing/benchmark.go, Go 1.20-1.26): every `runN(n)` starts with
 * `runtime.GC()`, so each run (the N=1 probe, every calibration run, and the final run whose N is
 * printed) begins with exactly one `(forced)` cycle. A `b.Loop` benchmark ramps up inside a single
 * run whose final count is the printed N. Hence:
 *
 * - gc-cycles/op = automatic (non-forced) cycles after the LAST forced cycle of the benchmark ÷ N.
 *   These are exactly the collections triggered during the run that produced the printed numbers,
 *   so calibration runs are excluded rather than averaged in. Setup work inside that run (before
 *   b.ResetTimer) is included: it approximates "collections caused per iteration".
 * - stw-ns/op = the stop-the-world wall time (sweep termination + mark termination clock phases)
 *   of those same cycles ÷ N, in ns. It approximates the pause time each iteration causes; the
 *   concurrent mark phase and assist CPU are not included, and gctrace prints ms with two
 *   significant digits, so tiny pauses are rounded.
 * - peak-heap-B = the largest "heap at GC start" among cycles after the benchmark's first forced
 *   cycle (that first one measures the previous benchmark's garbage), ×2^20. A forced cycle's
 *   "heap at start" is what the previous calibration run left, so this is a lower bound of the
 *   heap reached while the benchmark ran, truncated to whole MiB. With no cycle to observe it
 *   (nothing but the first forced cycle, e.g. GOGC=off and no allocation), it is omitted.
 */
import type { GcCycle } from './gctrace.js'
import { GC_UNITS, type Measurement } from './types.js'

/** Computes the GC measurements for a sample with `iterations` from its attributed cycles. */
export function gcMeasurements(cycles: GcCycle[], iterations: number): Measurement[] {
  if (iterations <= 0) return []
  const lastForced = findLastIndex(cycles, (c) => c.forced)
  const timed = cycles.slice(lastForced + 1).filter((c) => !c.forced)
  const stwMs = timed.reduce((s, c) => s + c.clockMs[0] + c.clockMs[2], 0)
  const out: Measurement[] = [
    { value: timed.length / iterations, unit: GC_UNITS.cycles },
    { value: (stwMs * 1e6) / iterations, unit: GC_UNITS.stw }
  ]
  const firstForced = cycles.findIndex((c) => c.forced)
  const observed = firstForced < 0 ? cycles : cycles.slice(firstForced + 1)
  if (observed.length > 0) {
    const peak = Math.max(...observed.map((c) => c.heapStartMiB))
    out.push({ value: peak * 1048576, unit: GC_UNITS.peakHeap })
  }
  return out
}

function findLastIndex<T>(xs: T[], f: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (f(xs[i])) return i
  return -1
}
