import { describe, expect, it } from 'vitest'
import { resolutionNote, timeNoise } from '../../src/bench/resolution.js'
import { summarize } from '../../src/bench/summary.js'
import type { MetricComparison } from '../../src/domain/model.js'

const cmp = (benchmark: string, base: number[], over: Partial<MetricComparison> = {}) =>
  ({
    variant: 'GOGC=100',
    package: 'p',
    benchmark,
    unit: 'sec/op',
    kind: 'time',
    base: summarize(base),
    head: summarize(base),
    delta: 0,
    p: 1,
    alphaAdjusted: 0.05,
    threshold: 0.1,
    verdict: 'unchanged',
    confirmed: null,
    lowerIsBetter: true,
    ...over
  }) as MetricComparison

// n = 10: the 95% interval of the median is [x(2), x(9)].
const tight = [100, 100, 101, 101, 102, 102, 103, 103, 104, 104]
const oneSided = [100, 101, 102, 103, 104, 110, 118, 125, 131, 160]

describe('resolution note', () => {
  it('measures the wider side of the median interval', () => {
    expect(timeNoise(cmp('A', tight))).toBeCloseTo(2 / 102, 6)
    expect(timeNoise(cmp('B', oneSided))).toBeCloseTo((131 - 107) / 107, 6)
    expect(timeNoise(cmp('C', [1, 2, 3]))).toBeNull() // too few samples for an interval
  })

  it('names the noisy time comparisons, noisiest first, and stays silent when all are fine', () => {
    expect(resolutionNote([cmp('A', tight)])).toBeNull()
    const note = resolutionNote([
      cmp('A', tight),
      cmp('B', oneSided),
      cmp(
        'C',
        oneSided.map((x) => x * (x > 110 ? 1.5 : 1)),
        { variant: 'GOGC=25' }
      ),
      cmp('B', oneSided, { unit: 'B/op', kind: 'alloc' }),
      cmp('D', oneSided, { verdict: 'regression' })
    ])
    expect(note).toBe(
      "time too noisy to resolve the 10% threshold in 2 of 4 comparisons (95% interval of base's median): C (GOGC=25: ±84%), B (GOGC=100: ±22%). A slowdown of that size there can go unnoticed; raise bench-count or benchtime."
    )
  })
})
