import { describe, expect, it } from 'vitest'
import {
  assess,
  canReachThreshold,
  confirm,
  holm,
  screen,
  type MetricSamples,
  WIDE_P,
  WIDE_SHARE
} from '../../src/bench/gate.js'
import { fastEndP, fastEndShift } from '../../src/bench/fast-end.js'
import { mannWhitneyP } from '../../src/bench/mann-whitney.js'

import { GATE_SETTINGS as S, metricSamples as ms, seq } from './helpers.js'

describe('holm', () => {
  it('steps down and stops at the first non-rejection', () => {
    expect(holm([0.01, 0.04, 0.03, 0.005], 0.05).reject).toEqual([true, false, false, true])
    expect(holm([0.001, 0.002, 0.003], 0.05).reject).toEqual([true, true, true])
    expect(holm([0.001, 0.002, 0.003], 0.05).thresholds).toEqual([0.05 / 3, 0.05 / 2, 0.05])
    expect(holm([], 0.05).reject).toEqual([])
  })
})

describe('assess: significance × threshold truth table', () => {
  const cases: [
    string,
    MetricSamples,
    { certain: boolean; direction: number; reaches: boolean; sig: boolean }
  ][] = [
    [
      '+20% time, separated',
      ms('sec/op', seq(100, 1), seq(120, 1)),
      { certain: false, direction: 1, reaches: true, sig: true }
    ],
    [
      '+10% time, separated, at the threshold',
      ms('sec/op', seq(100, 0.5), seq(110, 0.5)),
      { certain: false, direction: 1, reaches: true, sig: true }
    ],
    [
      '+3% time, separated: below threshold',
      ms('sec/op', seq(100, 0.1), seq(103, 0.1)),
      { certain: false, direction: 1, reaches: false, sig: true }
    ],
    [
      '-20% time: improvement',
      ms('sec/op', seq(100, 1), seq(80, 1)),
      { certain: false, direction: -1, reaches: true, sig: true }
    ],
    [
      'identical: nothing',
      ms('sec/op', seq(100, 1), seq(100, 1)),
      { certain: false, direction: 0, reaches: false, sig: false }
    ],
    [
      '+1 alloc on 100 (1% < 5%): deterministic, always counts',
      ms('allocs/op', Array(10).fill(100), Array(10).fill(101)),
      { certain: true, direction: 1, reaches: true, sig: true }
    ],
    [
      '+1% B/op deterministic: certain but below threshold',
      ms('B/op', Array(10).fill(1000), Array(10).fill(1010)),
      { certain: true, direction: 1, reaches: false, sig: true }
    ],
    [
      '0 → 0.01 gc-cycles/op: from zero counts',
      ms('gc-cycles/op', Array(10).fill(0), seq(0.01, 0.0001)),
      { certain: false, direction: 1, reaches: true, sig: true }
    ],
    [
      'higher throughput is better',
      ms('B/s', seq(100, 1), seq(130, 1)),
      { certain: false, direction: -1, reaches: true, sig: true }
    ]
  ]
  for (const [name, input, want] of cases) {
    it(name, () => {
      const a = assess(
        input,
        input.unit === 'sec/op' || input.unit === 'B/s'
          ? 0.1
          : input.unit.includes('gc')
            ? 0.1
            : 0.05
      )
      expect(a.certain).toBe(want.certain)
      expect(a.direction).toBe(want.direction)
      expect(a.reachesThreshold).toBe(want.reaches)
      expect(a.p <= 0.05).toBe(want.sig)
    })
  }
})

describe('assess: which test', () => {
  // A floor 10% slower under a slow tail the machine added to both sides.
  const base = [100, 101.5, 100.8, 102, 101.2, 130, 138, 125, 145, 122]
  const head = [110, 111.6, 110.9, 112.2, 111.3, 121, 112.8, 126, 113.5, 133]

  it('tests time at its fast end: sec/op from the low values, B/s from the high ones', () => {
    expect(assess(ms('sec/op', base, head), 0.1).p).toBe(fastEndP(base, head, 'low'))
    expect(assess(ms('sec/op', base, head), 0.1).p).toBeLessThan(0.05)
    const bps = (xs: number[]) => xs.map((x) => 1e9 / x)
    expect(assess(ms('B/s', bps(base), bps(head)), 0.1).p).toBe(
      fastEndP(bps(base), bps(head), 'high')
    )
  })

  it('tests every other metric with Mann-Whitney U, as benchstat does', () => {
    for (const unit of ['B/op', 'gc-cycles/op', 'stw-sec/op', 'peak-heap-B', 'widgets/op']) {
      expect(assess(ms(unit, base, head), 0.1).p, unit).toBe(mannWhitneyP(base, head))
    }
    expect(mannWhitneyP(base, head)).toBeGreaterThan(0.05)
  })
})

describe('screen: the wide door for time', () => {
  // p ≈ 0.056 (not ≤ α), lower quartile +10.8% (≥ 0.75 × the 10% threshold).
  const base = [100, 108, 101, 125, 104, 131, 102, 118, 109, 140]
  const head = [108, 122, 127, 113, 114, 123, 113, 120, 128, 106]

  it('makes a time change a suspect at p ≤ WIDE_P when its fast end moved enough', () => {
    const p = assess(ms('sec/op', base, head), 0.1).p
    expect(p).toBeGreaterThan(S.alpha)
    expect(p).toBeLessThanOrEqual(WIDE_P)
    expect(fastEndShift(base, head)).toBeGreaterThanOrEqual(WIDE_SHARE * S.timeThreshold)
    const r = screen([ms('sec/op', base, head)], S)
    expect(r.suspects).toEqual([0])
    expect(r.comparisons[0].verdict).toBe('regression')
  })

  it('keeps the door shut when the fast end barely moved, and for every other metric', () => {
    const closer = head.map((x) => x - 4) // p ≈ 0.18, lower quartile +6.9%
    expect(assess(ms('sec/op', base, closer), 0.1).p).toBeLessThanOrEqual(WIDE_P)
    expect(Math.abs(fastEndShift(base, closer)!)).toBeLessThan(WIDE_SHARE * S.timeThreshold)
    expect(screen([ms('sec/op', base, closer)], S).suspects).toEqual([])
    expect(screen([ms('gc-cycles/op', base, head)], S).suspects).toEqual([])
  })

  it('takes a time suspect’s direction from its fast end, not from a median a slow tail pulled', () => {
    // Base's slow tail puts its median above head's, while head's floor rose by 10%.
    const tailBase = [100, 101, 102, 103, 104, 160, 170, 180, 190, 200]
    const floorHead = [110, 111, 112, 113, 114, 115, 116, 117, 118, 119]
    const r = screen([ms('sec/op', tailBase, floorHead)], S)
    expect(r.comparisons[0].delta!).toBeLessThan(0)
    expect(r.suspects).toEqual([0])
    expect(r.comparisons[0].verdict).toBe('regression')
  })

  it('reads B/s from its high end', () => {
    const bps = (xs: number[]) => xs.map((x) => 1e9 / x)
    const r = screen([ms('B/s', bps(base), bps(head))], S)
    expect(r.suspects).toEqual([0])
    expect(r.comparisons[0].verdict).toBe('regression')
  })
})

describe('canReachThreshold (the Holm family)', () => {
  it('keeps only comparisons some labelling of the pooled values could flag', () => {
    expect(canReachThreshold(ms('B/op', Array(10).fill(64), Array(10).fill(64)), 0.05)).toBe(false)
    expect(canReachThreshold(ms('sec/op', seq(100, 0.1), seq(100.05, 0.1)), 0.1)).toBe(false)
    expect(canReachThreshold(ms('sec/op', seq(100, 3), seq(100, 3)), 0.1)).toBe(true)
    expect(canReachThreshold(ms('sec/op', seq(100, 0.1), seq(112, 0.1)), 0.1)).toBe(true)
    // One GC among twenty samples cannot move a median: never flaggable, left out.
    const oneGc = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1e-4]
    expect(canReachThreshold(ms('gc-cycles/op', Array(10).fill(0), oneGc), 0.1)).toBe(false)
    const someGc = [0, 0, 0, 0, 0, 1e-4, 1e-4, 1e-4, 1e-4, 1e-4]
    expect(canReachThreshold(ms('gc-cycles/op', Array(10).fill(0), someGc), 0.1)).toBe(true)
  })

  it('is blind to which side a value came from', () => {
    const a = ms('sec/op', seq(100, 2), seq(105, 2))
    const swapped = ms(
      'sec/op',
      [...a.head.slice(0, 5), ...a.base.slice(5)],
      [...a.base.slice(0, 5), ...a.head.slice(5)]
    )
    expect(canReachThreshold(a, 0.1)).toBe(canReachThreshold(swapped, 0.1))
  })
})

describe('screen + confirm', () => {
  it('A/A across many comparisons flags nothing', () => {
    const list: MetricSamples[] = []
    for (let b = 0; b < 20; b++) {
      for (const unit of ['sec/op', 'B/op', 'allocs/op', 'gc-cycles/op']) {
        const vals = seq(100 + b, 1).map((x, i) => x + ((i * 7919) % 13) / 10)
        list.push(ms(unit, vals, [...vals].reverse(), `B${b}`))
      }
    }
    const s = screen(list, S)
    expect(s.suspects).toEqual([])
    expect(s.comparisons.every((c) => c.verdict === 'unchanged')).toBe(true)
    expect(s.correction).toMatch(
      /^screen: fast-end rank test for time, Mann-Whitney U for the rest, at α=0\.05 .*Holm–Bonferroni across the 0 suspect/
    )
  })

  it('screens at α uncorrected; the fresh rounds decide with Holm across the suspects', () => {
    const list: MetricSamples[] = Array.from({ length: 239 }, (_, i) =>
      ms('sec/op', seq(100, 3), seq(101, 3), `B${i}`)
    )
    list.push(ms('sec/op', seq(100, 1), seq(125, 1), 'Slow'))
    // Overlapping samples, +12% medians, p ≈ 0.029: a suspect, not yet a finding.
    list.push(ms('sec/op', seq(100, 4), seq(114, 4), 'Maybe'))
    const s = screen(list, S)
    expect(s.comparisons[240].p).toBeGreaterThan(0.01)
    expect(s.suspects).toEqual([239, 240])
    expect(s.comparisons[239].alphaAdjusted).toBe(0.05)
    const out = confirm(
      s,
      new Map([
        [239, ms('sec/op', seq(100, 1), seq(125, 1), 'Slow')],
        [240, ms('sec/op', seq(100, 4), seq(100, 4), 'Maybe')]
      ]),
      S
    )
    expect(out[239]).toMatchObject({ verdict: 'regression', confirmed: true, alphaAdjusted: 0.025 })
    expect(out[240]).toMatchObject({ verdict: 'unchanged', confirmed: false })
    expect(out.filter((c) => c.verdict !== 'unchanged')).toHaveLength(1)
  })

  it('keeps the run-wide false-alarm rate under α when nothing changed (noisy, one-sided)', () => {
    // 400 simulated A/A runs of 60 comparisons with one-sided outliers like a shared runner's.
    let seed = 12345
    const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32
    const sample = (n: number) =>
      Array.from({ length: n }, () => 100 * (1 + 0.02 * rand()) * (rand() < 0.3 ? 1.1 + rand() : 1))
    let alarms = 0
    for (let run = 0; run < 400; run++) {
      const list = Array.from({ length: 60 }, (_, i) =>
        ms('sec/op', sample(10), sample(10), `B${i}`)
      )
      const s = screen(list, S)
      const fresh = new Map(
        s.suspects.map((i) => [i, ms('sec/op', sample(10), sample(10), `B${i}`)])
      )
      if (confirm(s, fresh, S).some((c) => c.verdict !== 'unchanged')) alarms++
    }
    expect(alarms / 400).toBeLessThanOrEqual(0.05)
  })

  it('confirmation decides: confirmed, contradicted, or missing', () => {
    const list = [
      ms('sec/op', seq(100, 1), seq(130, 1), 'A'),
      ms('sec/op', seq(100, 1), seq(130, 1), 'B'),
      ms('sec/op', seq(100, 1), seq(130, 1), 'C'),
      ms('allocs/op', Array(10).fill(3), Array(10).fill(4), 'D')
    ]
    const s = screen(list, S)
    expect(s.suspects).toEqual([0, 1, 2, 3])
    const fresh = new Map<number, MetricSamples>([
      [0, ms('sec/op', seq(100, 1), seq(131, 1), 'A')],
      [1, ms('sec/op', seq(100, 1), seq(100, 1), 'B')],
      [3, ms('allocs/op', Array(10).fill(3), Array(10).fill(4), 'D')]
    ])
    const out = confirm(s, fresh, S)
    expect(out.map((c) => [c.verdict, c.confirmed])).toEqual([
      ['regression', true],
      ['unchanged', false],
      ['inconclusive', false],
      ['regression', true]
    ])
  })

  it('custom units are reported but never gate', () => {
    const s = screen([ms('widgets/op', seq(100, 1), seq(200, 1))], S)
    expect(s.comparisons[0].kind).toBe('other')
    expect(s.comparisons[0].verdict).toBe('inconclusive')
    expect(s.suspects).toEqual([])
  })
})
