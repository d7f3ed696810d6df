import { describe, expect, it } from 'vitest'
import { parseBenchfmt } from '../../src/bench/benchfmt.js'
import { parseBenchstatCsv } from '../../src/bench/benchstat-csv.js'
import { mannWhitneyP, minAchievableP } from '../../src/bench/mann-whitney.js'
import { tidyUnit } from '../../src/bench/units.js'
import { fixture } from './helpers.js'

/** Values per `name-procs|unit` of a benchmark file, in benchstat's tidied units. */
function values(file: string): Map<string, number[]> {
  const out = new Map<string, number[]>()
  for (const r of parseBenchfmt(fixture(file)).results) {
    for (const m of r.measurements) {
      const t = tidyUnit(m.unit)
      const key = `${r.name.replace(/^Benchmark/, '')}-${r.procs}|${t.unit}`
      out.set(key, [...(out.get(key) ?? []), m.value * t.factor])
    }
  }
  return out
}

describe('mannWhitneyP', () => {
  it('agrees with benchstat (go-moremath) on every row of the real fixtures, ties included', () => {
    let checked = 0
    for (const [base, head, csvName] of [
      ['benchstat-in-base.txt', 'benchstat-in-head.txt', 'benchstat-new.csv'],
      ['benchstat-in-small-base.txt', 'benchstat-in-small-head.txt', 'benchstat-small.csv'],
      ['benchstat-in-names-base.txt', 'benchstat-in-names-head.txt', 'benchstat-names.csv']
    ]) {
      const b = values(base)
      const h = values(head)
      const pkgSeen = new Set<string>()
      for (const t of parseBenchstatCsv(fixture(csvName)).tables) {
        // names.csv has the same benchmark in two packages; compare only the first package's rows.
        if (csvName === 'benchstat-names.csv' && t.config.pkg !== 'example.com/edge/names') continue
        pkgSeen.add(t.config.pkg)
        for (const row of t.rows) {
          if (row.p === null) continue
          const key = `${row.name}|${t.unit}`
          const p = mannWhitneyP(b.get(key)!, h.get(key)!)
          expect(p.toFixed(3), key).toBe(row.p.toFixed(3))
          checked++
        }
      }
    }
    expect(checked).toBeGreaterThan(30)
  })

  it('has the known extremes', () => {
    const lo = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    const hi = lo.map((x) => x + 10)
    expect(mannWhitneyP(lo, hi)).toBeCloseTo(2 / 184756, 12)
    expect(minAchievableP(10, 10)).toBeCloseTo(1.0825e-5, 8)
    expect(minAchievableP(5, 5)).toBeCloseTo(2 / 252, 12)
    expect(mannWhitneyP([3, 3, 3], [3, 3, 3])).toBe(1)
    expect(mannWhitneyP([], [1])).toBe(1)
    expect(mannWhitneyP(lo, lo)).toBe(1)
  })

  it('uses the normal approximation for large samples without blowing up', () => {
    const a = Array.from({ length: 150 }, (_, i) => i)
    const b = a.map((x) => x + 30)
    const p = mannWhitneyP(a, b)
    expect(p).toBeGreaterThan(0)
    expect(p).toBeLessThan(0.01)
  })
})
