import { describe, expect, it } from 'vitest'
import { benchstatFailure } from '../../src/bench/benchstat.js'
import { parseBenchstatCsv, readCsv } from '../../src/bench/benchstat-csv.js'
import { fixture, fixtureExit } from './helpers.js'

const load = (name: string) => parseBenchstatCsv(fixture(name), fixture(`${name}.stderr`))
const ok = (name: string) => ({
  exitCode: fixtureExit(name),
  stdout: fixture(name),
  stderr: fixture(`${name}.stderr`),
  timedOut: false
})

describe('parseBenchstatCsv on real benchstat output', () => {
  it('reads tables per unit with config, centers, CI, delta, p and n (padded rows)', () => {
    const csv = load('benchstat-new.csv')
    expect(csv.errors).toEqual([])
    expect(csv.tables.map((t) => t.unit)).toEqual(['sec/op', 'B/op', 'allocs/op'])
    const t = csv.tables[0]
    expect(t.columns).toEqual(['base', 'head'])
    expect(t.config).toMatchObject({ 'gc-variant': 'GOGC=100', pkg: 'example.com/power/work' })
    expect(t.rows.map((r) => r.name.replace(/-\d+$/, ''))).toEqual([
      'SHA256',
      'Sprintf',
      'Fib',
      'LinkedList'
    ])
    for (const r of t.rows) {
      expect(r.cells).toHaveLength(2)
      expect(r.cells[0].center).toBeGreaterThan(0)
      expect(r.cells[0].ci).toMatch(/^\d+%$/)
      expect(r.n).toEqual([6])
      expect(r.delta).toMatch(/^([+-]\d+\.\d\d%|~)$/)
      expect(r.p).toBeGreaterThanOrEqual(0)
    }
    // Head is built with -tags slow10,alloc1 (11 reps + one extra allocation): every allocs/op
    // row is a significant increase.
    for (const r of csv.tables[2].rows) {
      expect(r.cells[1].center!).toBeGreaterThan(r.cells[0].center!)
      expect(r.p).toBeLessThanOrEqual(0.05)
    }
  })

  it('reads ragged rows from benchstat built before x/perf 8f5f3ab the same way', () => {
    expect(fixture('benchstat-old.csv')).toMatch(/^,base,,head$/m)
    const old = load('benchstat-old.csv')
    const fresh = load('benchstat-new.csv')
    expect(old.tables.map((t) => [t.unit, t.columns, t.rows.length])).toEqual(
      fresh.tables.map((t) => [t.unit, t.columns, t.rows.length])
    )
    expect(old.tables[2].rows[0].delta).not.toBeNull()
    expect(old.tables[2].rows[0].p).not.toBeNull()
  })

  it('attaches cell warnings to their rows and keeps ∞ CIs', () => {
    const csv = load('benchstat-small.csv')
    const row = csv.tables[0].rows[0]
    expect(row.cells[0].ci).toBe('∞')
    expect(row.delta).toBe('~')
    expect(row.warnings).toEqual([
      'need >= 6 samples for confidence interval at level 0.95',
      'need >= 6 samples for confidence interval at level 0.95',
      'need >= 4 samples to detect a difference at alpha level 0.05'
    ])
    expect(benchstatFailure(ok('benchstat-small.csv'), csv)).toBeNull()
  })

  it('splits tables by package and unquotes names with commas', () => {
    const csv = load('benchstat-names.csv')
    const pkgs = [...new Set(csv.tables.map((t) => t.config.pkg))]
    expect(pkgs).toEqual([
      'example.com/edge/dup1',
      'example.com/edge/dup2',
      'example.com/edge/names'
    ])
    const names = csv.tables.find(
      (t) => t.config.pkg === 'example.com/edge/names' && t.unit === 'sec/op'
    )!
    expect(names.rows.map((r) => r.name)).toContain('Names/k=v,w=x-2')
    expect(names.rows.map((r) => r.name)).toContain('Names/back`tick`-2')
    expect(csv.tables.some((t) => t.unit === 'B/s')).toBe(true)
    expect(csv.tables.some((t) => t.unit === 'hits')).toBe(true)
  })

  it('fails loudly when benchstat failed but exited 0', () => {
    expect(fixtureExit('benchstat-missing.csv')).toBe(0)
    expect(benchstatFailure(ok('benchstat-missing.csv'), load('benchstat-missing.csv'))).toBe(
      'benchstat: open no-such-file.txt: no such file or directory'
    )
    expect(fixtureExit('benchstat-badflag.csv')).toBe(0)
    expect(benchstatFailure(ok('benchstat-badflag.csv'), load('benchstat-badflag.csv'))).toMatch(
      /-format must be text or csv/
    )
    const bad = load('benchstat-bad.csv')
    expect(bad.errors).toEqual(['benchstat-in-bad.txt:2: parsing iteration count: invalid syntax'])
    expect(benchstatFailure(ok('benchstat-bad.csv'), bad)).toMatch(/could not read its input/)
    expect(
      benchstatFailure(
        { exitCode: 0, stdout: '', stderr: '', timedOut: false },
        parseBenchstatCsv('')
      )
    ).toBe('benchstat printed no results')
  })

  it('readCsv handles quotes, doubled quotes and CRLF', () => {
    expect(readCsv('a,"b,c","d""e"\r\n,x\n')).toEqual([
      ['a', 'b,c', 'd"e'],
      ['', 'x']
    ])
  })
})
