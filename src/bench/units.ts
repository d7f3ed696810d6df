/**
 * Unit handling shared with benchstat: benchunit "tidies" `ns` to `sec` (×1e-9) and `MB` to `B`
 * (×1e6) wherever they appear as a word in a unit, so `ns/op` → `sec/op`, `MB/s` → `B/s`,
 * `stw-ns/op` → `stw-sec/op`. Comparisons key on the tidied unit so they line up with benchstat.
 */
import type { MetricKind } from '../domain/model.js'
import { GC_UNITS } from './types.js'

/** Tidies a unit like golang.org/x/perf/benchunit.Tidy. */
export function tidyUnit(unit: string): { unit: string; factor: number } {
  let factor = 1
  const tidied = unit.replace(
    /(^|[^A-Za-z])(ns|MB)(?=$|[^A-Za-z])/g,
    (_m, pre: string, word: string) => {
      factor *= word === 'ns' ? 1e-9 : 1e6
      return pre + (word === 'ns' ? 'sec' : 'B')
    }
  )
  return { unit: tidied, factor }
}

const GC_TIDY = new Set<string>([GC_UNITS.cycles, tidyUnit(GC_UNITS.stw).unit, GC_UNITS.peakHeap])

/** Which threshold applies: time for sec/op and throughput, alloc for B/op and allocs/op, gc for ours. */
export function metricKind(tidied: string): MetricKind {
  if (tidied === 'sec/op' || tidied === 'B/s') return 'time'
  if (tidied === 'B/op' || tidied === 'allocs/op') return 'alloc'
  if (GC_TIDY.has(tidied)) return 'gc'
  return 'other'
}

/** Lower is better for every unit except throughput (`.../s`), as benchfmt assumes for MB/s. */
export function lowerIsBetter(tidied: string): boolean {
  return !/\/s$/.test(tidied)
}
