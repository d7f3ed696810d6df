import { describe, expect, it } from 'vitest'
import {
  CONFIRM_FACTOR,
  confirmationPlan,
  droppedAtLook,
  futile,
  FUTILITY_SHARE,
  LOOK_FACTOR
} from '../../src/bench/confirm-looks.js'
import { confirm, screen } from '../../src/bench/gate.js'
import type { MetricComparison } from '../../src/domain/model.js'

import { GATE_SETTINGS as S, metricSamples as ms, seq } from './helpers.js'

/** The screen's comparison for a suspected change of `unit`. */
const suspect = (unit: string, verdict: 'regression' | 'improvement'): MetricComparison => {
  const up = unit === 'B/s' ? verdict === 'improvement' : verdict === 'regression'
  const s = screen([ms(unit, seq(100, 1), up ? seq(150, 1) : seq(50, 1))], S)
  expect(s.comparisons[0].verdict).toBe(verdict)
  return s.comparisons[0]
}

describe('confirmationPlan', () => {
  it('looks after bench-count fresh rounds and confirms on three times that', () => {
    expect(LOOK_FACTOR).toBe(1)
    expect(CONFIRM_FACTOR).toBe(3)
    expect(confirmationPlan(1, 0.05, 10)).toEqual({ look: 10, total: 30 })
  })

  it('adds rounds until Holm across the suspects could reject at all', () => {
    // 2/C(6,3) = 0.1, 2/C(8,4) = 0.029, 2/C(10,5) = 0.0079 ≤ 0.05/6.
    expect(confirmationPlan(6, 0.05, 1)).toEqual({ look: 1, total: 5 })
    expect(confirmationPlan(1e6, 0.05, 1).total).toBe(14) // 2/C(28,14) ≈ 5.0e-8
  })
})

describe('futile: the fresh rounds so far lean away', () => {
  it('reads time at its fast end, even when a slow tail pulls the median the other way', () => {
    const base = [100, 101, 102, 103, 104, 160, 170, 180, 190, 200]
    const head = [110, 111, 112, 113, 114, 115, 116, 117, 118, 119] // median lower, floor higher
    expect(futile(suspect('sec/op', 'regression'), ms('sec/op', base, head))).toBe(false)
    expect(futile(suspect('sec/op', 'improvement'), ms('sec/op', base, head))).toBe(true)
  })

  it('drops a time suspect whose fast end moved its way by less than FUTILITY_SHARE of the threshold', () => {
    const base = seq(100, 1)
    const justUnder = base.map((x) => x * (1 + 0.9 * FUTILITY_SHARE * S.timeThreshold))
    const justOver = base.map((x) => x * (1 + 1.1 * FUTILITY_SHARE * S.timeThreshold))
    const slower = suspect('sec/op', 'regression')
    expect(futile(slower, ms('sec/op', base, justUnder))).toBe(true)
    expect(futile(slower, ms('sec/op', base, justOver))).toBe(false)
  })

  it('reads B/s from its high end', () => {
    const base = seq(100, 1)
    expect(futile(suspect('B/s', 'regression'), ms('B/s', base, seq(80, 1)))).toBe(false)
    expect(futile(suspect('B/s', 'regression'), ms('B/s', base, seq(120, 1)))).toBe(true)
  })

  it('reads every other metric by its median; no move at all supports no change', () => {
    const allocs = suspect('allocs/op', 'regression')
    expect(futile(allocs, ms('allocs/op', Array(10).fill(3), Array(10).fill(4)))).toBe(false)
    expect(futile(allocs, ms('allocs/op', Array(10).fill(3), Array(10).fill(3)))).toBe(true)
    expect(futile(allocs, ms('allocs/op', Array(10).fill(3), Array(10).fill(2)))).toBe(true)
  })

  it('keeps a suspect it cannot judge (a side without samples)', () => {
    expect(futile(suspect('sec/op', 'regression'), ms('sec/op', seq(100, 1), []))).toBe(false)
  })

  it('droppedAtLook lists the futile suspects by index', () => {
    const comparisons = [suspect('sec/op', 'regression'), suspect('allocs/op', 'regression')]
    const soFar = new Map([
      [0, ms('sec/op', seq(100, 1), seq(120, 1))],
      [1, ms('allocs/op', Array(10).fill(3), Array(10).fill(3))]
    ])
    expect([...droppedAtLook(comparisons, soFar)]).toEqual([1])
  })
})

describe('confirm with a look', () => {
  it('keeps dropped suspects in Holm’s family as p = 1 and shows the samples that decided', () => {
    const list = [
      ms('sec/op', seq(100, 1), seq(130, 1), 'A'),
      ms('sec/op', seq(100, 1), seq(130, 1), 'B')
    ]
    const s = screen(list, S)
    expect(s.suspects).toEqual([0, 1])
    const fresh = new Map([
      [0, ms('sec/op', seq(100, 1, 30), seq(120, 1, 30), 'A')],
      [1, ms('sec/op', seq(100, 1), seq(90, 1), 'B')]
    ])
    const out = confirm(s, fresh, S, new Set([1]))
    // A's p ≈ 4e-10 is the smallest, so it meets α/2 — B still counts in the family.
    expect(out[0]).toMatchObject({ verdict: 'regression', confirmed: true, alphaAdjusted: 0.025 })
    expect(out[0].delta).toBeCloseTo(20 / 114.5, 3) // the fresh medians' change, not the screen's 30%
    expect(out[0].base!.center).toBe(114.5)
    expect(out[1]).toMatchObject({ verdict: 'unchanged', confirmed: false, alphaAdjusted: 0.05 })
  })

  it('a dropped suspect is never confirmed, however its look samples read', () => {
    const s = screen([ms('sec/op', seq(100, 1), seq(130, 1))], S)
    const fresh = new Map([[0, ms('sec/op', seq(100, 1), seq(130, 1))]])
    expect(confirm(s, fresh, S, new Set([0]))[0]).toMatchObject({
      verdict: 'unchanged',
      confirmed: false
    })
  })

  it('keeps the run-wide false-alarm rate under α with the look (noisy, one-sided noise)', () => {
    // 400 simulated A/A runs of 60 comparisons, screen → look → the rest of the rounds.
    let seed = 4242
    const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32
    const sample = (n: number) =>
      Array.from({ length: n }, () => 100 * (1 + 0.02 * rand()) * (rand() < 0.3 ? 1.1 + rand() : 1))
    const plan = confirmationPlan(1, S.alpha, 10)
    let alarms = 0
    let dropped = 0
    let suspects = 0
    for (let run = 0; run < 400; run++) {
      const list = Array.from({ length: 60 }, (_, i) =>
        ms('sec/op', sample(10), sample(10), `B${i}`)
      )
      const s = screen(list, S)
      const look = new Map(
        s.suspects.map((i) => [i, ms('sec/op', sample(plan.look), sample(plan.look))])
      )
      const gone = droppedAtLook(s.comparisons, look)
      const fresh = new Map(
        [...look].map(([i, m]) => {
          if (gone.has(i)) return [i, m]
          const more = plan.total - plan.look
          return [
            i,
            { ...m, base: [...m.base, ...sample(more)], head: [...m.head, ...sample(more)] }
          ]
        })
      )
      suspects += s.suspects.length
      dropped += gone.size
      if (confirm(s, fresh, S, gone).some((c) => c.verdict !== 'unchanged')) alarms++
    }
    expect(alarms / 400).toBeLessThanOrEqual(0.05)
    // With a tight floor under the outliers, noise's fast end barely moves: most suspects stop.
    expect(dropped / suspects).toBeGreaterThan(0.5)
  })
})
