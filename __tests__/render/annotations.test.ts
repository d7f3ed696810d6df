import { describe, expect, it } from 'vitest'
import { MAX_PER_LEVEL, selectAnnotations } from '../../src/render/annotations.js'
import { renderVerdictLine } from '../../src/render/verdict-line.js'
import {
  cleanReport,
  everythingReport,
  hugeReport,
  racesReport,
  regressionsReport
} from './reports.js'

describe('selectAnnotations', () => {
  it('annotates a new race at the head file:line, once when both accesses share the line', () => {
    const a = selectAnnotations(racesReport())
    // Both accesses of this race are `c.misses++` on line 29: one annotation, not two alike.
    expect(a).toHaveLength(1)
    for (const x of a) {
      expect(x).toMatchObject({
        level: 'error',
        file: 'store/store.go',
        startLine: 29,
        title: 'New data race in store.(*Cache).Miss'
      })
    }
    expect(a[0].message).toBe(
      [
        'Data race: read at store/store.go:29 in store.(*Cache).Miss (goroutine 9) races with previous write at store/store.go:29 in store.(*Cache).Miss (goroutine 8).',
        'Tests: TestMiss. Seen in 3 of 3 head runs and 0 of 6 base runs.',
        'Package example.com/racefix/evolve/store.'
      ].join('\n')
    )
  })

  it('annotates both accesses when they are on different lines', () => {
    const r = racesReport()
    const race = r.races.items.find((i) => i.class === 'new')!.race
    const frame = race.accesses[1].frames.find((f) => f.relFile !== null)!
    frame.line = 31
    const a = selectAnnotations(r)
    expect(a.map((x) => `${x.file}:${x.startLine}`)).toEqual([
      'store/store.go:29',
      'store/store.go:31'
    ])
  })

  it('puts the module directory in front of the path and drops unsafe paths', () => {
    const r = racesReport()
    r.repo.moduleDir = 'services/api'
    expect(selectAnnotations(r)[0].file).toBe('services/api/store/store.go')
    r.repo.moduleDir = '../outside'
    expect(selectAnnotations(r)[0].file).toBeUndefined()
  })

  it('annotates each regressed benchmark once with all its regressed metrics', () => {
    const a = selectAnnotations(regressionsReport())
    expect(a.map((x) => x.title)).toEqual([
      'Regression: BenchmarkEncode (GOGC=100)',
      'Regression: BenchmarkEncode (GOGC=25)'
    ])
    expect(a[0].level).toBe('error')
    expect(a[0].file).toBeUndefined()
    expect(a[0].message.split('\n')).toHaveLength(7)
    expect(a[0].message).toContain(
      'sec/op +120.4% (4.24µs → 9.35µs), p=<0.001, threshold time 10%, confirmed'
    )
  })

  it('uses warnings when the fail-on inputs tolerate the finding', () => {
    const r = everythingReport()
    r.settings.failOnNewRaces = false
    r.settings.failOnRegression = false
    const levels = new Set(selectAnnotations(r).map((x) => x.level))
    expect(levels).toEqual(new Set(['warning']))
  })

  it('keeps at most 10 per level, most important first, and says how many more', () => {
    const a = selectAnnotations(hugeReport(5000))
    const errors = a.filter((x) => x.level === 'error')
    expect(errors).toHaveLength(MAX_PER_LEVEL)
    expect(errors[0].title).toBe('New data race in store.(*Cache).Op1')
    const notice = a.filter((x) => x.level === 'notice')
    expect(notice).toHaveLength(1)
    // 1,200 findings (one per same-line race or regressed benchmark) less the 10 shown.
    expect(notice[0].message).toMatch(/^1,?190 more annotations/)
  })

  it('caps messages at 4096 characters and keeps them free of control characters', () => {
    const r = racesReport()
    r.races.items[0].race.tests = ['T\u202E'.repeat(5000)]
    r.races.items[0].race.package = 'p\u0000'.repeat(10_000)
    for (const x of selectAnnotations(r)) {
      expect(x.message.length).toBeLessThanOrEqual(4096)
      // eslint-disable-next-line no-control-regex -- looking for a NUL on purpose
      expect(x.message).not.toMatch(/[\u0000\u202E]/)
    }
  })

  it('annotates nothing for a clean run', () => {
    expect(selectAnnotations(cleanReport())).toEqual([])
  })
})

describe('renderVerdictLine', () => {
  it.each([
    [cleanReport, 'go-race-gc-guard: PASS — no new races, no regressions'],
    [racesReport, 'go-race-gc-guard: FAIL — 1 new data race, 1 fixed race, 1 pre-existing race'],
    [regressionsReport, 'go-race-gc-guard: FAIL — 1 regression, 1 improvement']
  ])('states the verdict (%#)', (make, line) => {
    expect(renderVerdictLine(make())).toBe(line)
  })

  it('gives the reason of an incomplete run on one safe line', () => {
    const r = cleanReport()
    r.verdict = {
      ...r.verdict,
      status: 'incomplete',
      reasons: ['example.com/x/broken: # example.com/x/broken\n::error::spoofed\u202E']
    }
    expect(renderVerdictLine(r)).toBe(
      'go-race-gc-guard: INCOMPLETE — example.com/x/broken: # example.com/x/broken'
    )
  })

  it('says when findings are tolerated by the settings', () => {
    const r = racesReport()
    r.verdict = { ...r.verdict, status: 'pass' }
    expect(renderVerdictLine(r)).toBe(
      'go-race-gc-guard: PASS — 1 new data race, 1 fixed race, 1 pre-existing race (allowed by the fail-on-* settings)'
    )
  })
})
