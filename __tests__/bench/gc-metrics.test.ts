import { describe, expect, it } from 'vitest'
import { gcMeasurements } from '../../src/bench/gc-metrics.js'
import type { GcCycle } from '../../src/bench/gctrace.js'

const cycle = (
  heapStartMiB: number,
  forced: boolean,
  clockMs: [number, number, number] = [0.1, 1, 0.2]
): GcCycle => ({
  number: 0,
  clockMs,
  heapStartMiB,
  heapEndMiB: heapStartMiB,
  heapLiveMiB: 1,
  goalMiB: 4,
  forced
})
const byUnit = (ms: { value: number; unit: string }[]) =>
  Object.fromEntries(ms.map((m) => [m.unit, m.value]))

describe('gcMeasurements', () => {
  it('counts only automatic cycles after the last forced one (the run whose N is printed)', () => {
    const cycles = [
      cycle(9, true), // run1 start: previous benchmark's garbage — not ours
      cycle(3, false), // during a calibration run: not counted per op
      cycle(5, true), // start of the final run; heap left by the calibration run
      cycle(6, false),
      cycle(7, false)
    ]
    const m = byUnit(gcMeasurements(cycles, 1000))
    expect(m['gc-cycles/op']).toBe(2 / 1000)
    // STW = sweep termination + mark termination of the two counted cycles, in ns per op.
    expect(m['stw-ns/op']).toBeCloseTo((2 * (0.1 + 0.2) * 1e6) / 1000, 9)
    // Peak: largest heap-at-start after the first forced cycle (9 MiB is excluded).
    expect(m['peak-heap-B']).toBe(7 * 1048576)
  })

  it('zero cycles in the timed run gives zero per op and no peak when nothing was observed', () => {
    expect(byUnit(gcMeasurements([cycle(2, true)], 10))).toEqual({
      'gc-cycles/op': 0,
      'stw-ns/op': 0
    })
    expect(byUnit(gcMeasurements([], 10))).toEqual({ 'gc-cycles/op': 0, 'stw-ns/op': 0 })
  })

  it('returns nothing for zero iterations', () => {
    expect(gcMeasurements([cycle(1, false)], 0)).toEqual([])
  })
})
