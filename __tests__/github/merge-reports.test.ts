/** mergeReports and the report validator: pure functions over our own JSON model. */
import { describe, expect, it } from 'vitest'
import { mergeReports, ReportMergeError } from '../../src/github/merge-reports.js'
import { validateReport } from '../../src/github/validate-report.js'
import {
  commentMarker,
  headMarker,
  hasCommentMarker,
  readHeadSha,
  withMarkers
} from '../../src/github/marker.js'
import { comparison, race, sampleReport } from './reports.js'

const shard = (index: number, total: number, o: Parameters<typeof sampleReport>[0] = {}) =>
  sampleReport({ shard: { index, total }, ...o })

describe('mergeReports', () => {
  it('unites races and comparisons and recomputes counts and verdict', () => {
    const merged = mergeReports([
      shard(2, 2, {
        comparisons: [
          comparison('BenchmarkA', 'regression'),
          comparison('BenchmarkB', 'improvement')
        ]
      }),
      shard(1, 2, { races: [race('r1', 'new'), race('r2', 'existing')] })
    ])
    expect(merged.shard).toBeNull()
    expect(merged.verdict.counts).toEqual({
      newRaces: 1,
      existingRaces: 1,
      fixedRaces: 0,
      unclassifiedRaces: 0,
      regressions: 1,
      improvements: 1
    })
    expect(merged.verdict.status).toBe('fail')
    expect(merged.verdict.reasons[0]).toBe('1 new data race')
    expect(merged.races.items.map((i) => i.race.fingerprint)).toEqual(['r1', 'r2'])
    expect(merged.benchmarks.correction).toBe('per shard: Holm')
  })

  it('honours the policy it is given', () => {
    const merged = mergeReports([shard(1, 2, { races: [race('r1', 'new')] }), shard(2, 2)], {
      failOnNewRaces: false,
      failOnRaces: false,
      failOnRegression: true
    })
    expect(merged.verdict.status).toBe('pass')
  })

  it('by default judges with the fail-on-* settings the shards recorded', () => {
    const tolerant = (i: number) => {
      const r = shard(i, 2, { races: i === 1 ? [race('r1', 'new')] : [] })
      r.settings.failOnNewRaces = false
      return r
    }
    const merged = mergeReports([tolerant(1), tolerant(2)])
    expect(merged.verdict.status).toBe('pass')
    expect(merged.settings.failOnNewRaces).toBe(false)
  })

  it('makes the verdict incomplete when a shard is missing', () => {
    const merged = mergeReports([shard(1, 3), shard(3, 3)])
    expect(merged.verdict.status).toBe('incomplete')
    expect(merged.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^shard 2\/3 has no report/)
    ])
  })

  it('returns a single report as is, and refuses reports for different commits', () => {
    const one = sampleReport({})
    expect(mergeReports([one])).toBe(one)
    expect(() => mergeReports([shard(1, 2), shard(2, 2, { headSha: 'f'.repeat(40) })])).toThrow(
      ReportMergeError
    )
    expect(() => mergeReports([])).toThrow(ReportMergeError)
  })

  it('produces reports the validator accepts', () => {
    const merged = mergeReports([shard(1, 2, { races: [race('r', 'new')] }), shard(2, 2)])
    expect(validateReport(JSON.parse(JSON.stringify(merged)), 'merged')).toEqual(merged)
  })
})

describe('validateReport', () => {
  it('names the bad fields', () => {
    const r = structuredClone(sampleReport({}))
    Object.assign(r.verdict, { status: 'maybe' })
    r.repo.headSha = 'not-a-sha'
    r.benchmarks.comparisons = [{ ...comparison('B', 'regression'), p: 'low' as unknown as number }]
    expect(() => validateReport(r, 'x')).toThrow(
      /report\.benchmarks\.comparisons\[0\]\.p: expected a number.*report\.verdict\.status: expected one of pass, fail, incomplete.*headSha/
    )
  })

  it('checks the optional benchmark source locations and notes the renderer reads', () => {
    const r = structuredClone(sampleReport({}))
    r.benchmarks.comparisons = [
      { ...comparison('B', 'regression'), source: { relFile: 7, line: 'x' } as never }
    ]
    r.benchmarks.notes = 'not a list' as never
    expect(() => validateReport(r, 'x')).toThrow(
      /comparisons\[0\]\.source\.relFile: expected a string.*source\.line: expected an integer.*benchmarks\.notes: expected an array/
    )
  })

  it('caps string sizes', () => {
    const r = structuredClone(sampleReport({}))
    r.toolVersion = 'x'.repeat(70_000)
    expect(() => validateReport(r, 'x')).toThrow(/report\.toolVersion: string longer than/)
  })
})

describe('markers', () => {
  it('go first, carry the head SHA, and keep headers apart', () => {
    const body = withMarkers('## Result', 'linux', 'a'.repeat(40))
    expect(body.split('\n').slice(0, 2)).toEqual([
      commentMarker('linux'),
      headMarker('a'.repeat(40))
    ])
    expect(hasCommentMarker(body, 'linux')).toBe(true)
    expect(hasCommentMarker(body, '')).toBe(false)
    expect(readHeadSha(body)).toBe('a'.repeat(40))
    expect(withMarkers(body, 'linux', 'a'.repeat(40))).toBe(body)
    expect(commentMarker('a-->b\n<c>')).toBe('<!-- go-race-gc-guard:sticky:a-b <c -->')
  })

  it('ignore a marker buried deep in the body (e.g. inside quoted PR text)', () => {
    const body = `${'x'.repeat(1000)}\n${commentMarker('')}\n${headMarker('b'.repeat(40))}`
    expect(hasCommentMarker(body, '')).toBe(false)
    expect(readHeadSha(body)).toBeNull()
  })
})
