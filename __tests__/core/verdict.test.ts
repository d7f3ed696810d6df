import { describe, expect, it } from 'vitest'
import type {
  ClassifiedRace,
  MetricComparison,
  Problem,
  RaceClass
} from '../../src/domain/model.js'
import { emptyBenchSection, emptyRaceSection } from '../../src/report.js'
import { decideVerdict } from '../../src/verdict.js'

const race = (cls: RaceClass): ClassifiedRace => ({
  class: cls,
  reason: null,
  race: {
    fingerprint: `fp-${cls}-${Math.random()}`,
    package: 'example.com/m',
    tests: ['TestX'],
    outsideTest: false,
    accesses: [
      { kind: 'write', previous: false, goroutine: 7, frames: [], stackRestoreFailed: false },
      { kind: 'read', previous: true, goroutine: 6, frames: [], stackRestoreFailed: false }
    ],
    goroutines: [],
    occurrences: 1,
    sourceLines: ['x++', 'return x']
  },
  head: { runs: 1, seen: 1 },
  base: { runs: 3, seen: 0 }
})
const cmp = (
  verdict: MetricComparison['verdict'],
  confirmed: boolean | null = true
): MetricComparison => ({
  variant: 'GOGC=100',
  package: 'example.com/m',
  benchmark: 'BenchmarkX',
  unit: 'sec/op',
  kind: 'time',
  base: { center: 1, low: 0.9, high: 1.1, n: 10 },
  head: { center: 2, low: 1.9, high: 2.1, n: 10 },
  delta: 1,
  p: 0.0001,
  alphaAdjusted: 0.001,
  threshold: 0.1,
  verdict,
  confirmed,
  lowerIsBetter: true
})
const input = (
  classes: RaceClass[],
  verdicts: MetricComparison[] = [],
  problems: Problem[] = []
) => ({
  races: { ...emptyRaceSection(true), items: classes.map(race) },
  benchmarks: { ...emptyBenchSection(true), comparisons: verdicts },
  problems
})
const policy = { failOnNewRaces: true, failOnRaces: false, failOnRegression: true }
const buildFailure: Problem = {
  kind: 'build-failed',
  side: 'head',
  package: 'example.com/m/broken',
  message: 'build failed',
  blocking: true
}

describe('decideVerdict', () => {
  it('passes a clean run', () => {
    expect(decideVerdict(input([]), policy)).toMatchObject({ status: 'pass', reasons: [] })
  })
  it('fails on a new race, not on pre-existing ones', () => {
    const v = decideVerdict(input(['new', 'existing', 'existing', 'fixed']), policy)
    expect(v.status).toBe('fail')
    expect(v.reasons).toEqual(['1 new data race', '1 fixed race', '2 pre-existing races'])
    expect(v.counts).toMatchObject({ newRaces: 1, existingRaces: 2, fixedRaces: 1 })
    expect(decideVerdict(input(['existing', 'unclassified']), policy).status).toBe('pass')
  })
  it('fail-on-races fails on any race; fail-on-new-races false lets new races pass', () => {
    expect(decideVerdict(input(['existing']), { ...policy, failOnRaces: true }).status).toBe('fail')
    const v = decideVerdict(input(['new']), { ...policy, failOnNewRaces: false })
    expect(v.status).toBe('pass')
    expect(v.reasons).toEqual(['1 new data race'])
  })
  it('fails on confirmed regressions only, and only with fail-on-regression', () => {
    expect(decideVerdict(input([], [cmp('regression')]), policy).status).toBe('fail')
    expect(decideVerdict(input([], [cmp('regression', false)]), policy).status).toBe('pass')
    expect(
      decideVerdict(input([], [cmp('regression')]), { ...policy, failOnRegression: false }).status
    ).toBe('pass')
    expect(decideVerdict(input([], [cmp('improvement')]), policy)).toMatchObject({
      status: 'pass',
      reasons: ['1 improvement']
    })
  })
  it('is incomplete on a blocking problem, but a known failure outranks it', () => {
    const v = decideVerdict(input([], [], [buildFailure]), policy)
    expect(v.status).toBe('incomplete')
    expect(v.reasons).toEqual(['example.com/m/broken: build failed'])
    expect(decideVerdict(input(['new'], [], [buildFailure]), policy).status).toBe('fail')
    expect(
      decideVerdict(input([], [], [{ ...buildFailure, blocking: false }]), policy).status
    ).toBe('pass')
  })
})
