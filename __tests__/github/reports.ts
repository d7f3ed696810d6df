/**
 * Small `Report` objects for merge and report-mode tests (our own JSON model, not tool output),
 * and zips shaped like the results artifact, including hostile ones.
 */
import AdmZip from 'adm-zip'
import {
  REPORT_SCHEMA,
  type ClassifiedRace,
  type MetricComparison,
  type Report
} from '../../src/domain/model.js'
import { emptyBenchSection, emptyRaceSection } from '../../src/report.js'
import { decideVerdict } from '../../src/verdict.js'

export const HEAD = '1'.repeat(40)

export function race(
  fingerprint: string,
  cls: ClassifiedRace['class'],
  pkg = 'example.com/m/a'
): ClassifiedRace {
  const frame = { func: `${pkg}.Inc`, file: '/w/a/a.go', relFile: 'a/a.go', line: 10 }
  return {
    class: cls,
    reason: null,
    race: {
      fingerprint,
      package: pkg,
      tests: ['TestInc'],
      outsideTest: false,
      accesses: [
        {
          kind: 'write',
          previous: false,
          goroutine: 7,
          frames: [frame],
          stackRestoreFailed: false
        },
        { kind: 'read', previous: true, goroutine: 8, frames: [frame], stackRestoreFailed: false }
      ],
      goroutines: [],
      occurrences: 1,
      sourceLines: ['n++', 'return n']
    },
    head: { runs: 1, seen: 1 },
    base: { runs: 3, seen: 0 }
  }
}

export function comparison(
  benchmark: string,
  verdict: MetricComparison['verdict']
): MetricComparison {
  return {
    variant: 'GOGC=100',
    package: 'example.com/m/b',
    benchmark,
    unit: 'sec/op',
    kind: 'time',
    base: { center: 100, low: 98, high: 102, n: 10 },
    head: { center: 130, low: 128, high: 133, n: 10 },
    delta: 0.3,
    p: 0.0001,
    alphaAdjusted: 0.05,
    threshold: 0.1,
    verdict,
    confirmed: null,
    lowerIsBetter: true
  }
}

export function sampleReport(o: {
  shard?: { index: number; total: number } | null
  headSha?: string
  prNumber?: number | null
  races?: ClassifiedRace[]
  comparisons?: MetricComparison[]
  packages?: string[]
}): Report {
  const races = { ...emptyRaceSection(true), items: o.races ?? [] }
  const benchmarks = {
    ...emptyBenchSection(true),
    variants: ['GOGC=100'],
    comparisons: o.comparisons ?? [],
    correction: 'Holm'
  }
  const policy = { failOnNewRaces: true, failOnRaces: false, failOnRegression: true }
  return {
    schema: REPORT_SCHEMA,
    toolVersion: '0.1.0',
    goVersion: 'go1.26.8',
    repo: {
      serverUrl: 'http://github.localhost',
      owner: 'owner',
      repo: 'repo',
      headSha: o.headSha ?? HEAD,
      baseSha: '2'.repeat(40),
      prNumber: o.prNumber === undefined ? 12 : o.prNumber,
      runUrl: null,
      moduleDir: ''
    },
    settings: {
      commentHeader: '',
      raceCount: 1,
      raceConfirm: 3,
      benchCount: 10,
      benchtime: '200ms',
      timeThreshold: 0.1,
      allocThreshold: 0.05,
      gcThreshold: 0.1,
      alpha: 0.05,
      packages: o.packages ?? ['./...'],
      bench: '.'
    },
    shard: o.shard ?? null,
    races,
    benchmarks,
    problems: [],
    artifact: null,
    verdict: decideVerdict({ races, benchmarks, problems: [] }, policy)
  }
}

/**
 * A zip of `entries`. Names in `raw` are written byte-for-byte after building (adm-zip would
 * sanitise `../`), so each raw name must have the same length as its placeholder key.
 */
export function zipOf(
  entries: Record<string, string | Buffer>,
  opts: { raw?: Record<string, string>; symlinks?: string[] } = {}
): Buffer {
  const zip = new AdmZip()
  for (const [name, data] of Object.entries(entries)) zip.addFile(name, Buffer.from(data))
  for (const e of zip.getEntries()) {
    if (opts.symlinks?.includes(e.entryName)) e.attr = (0o120777 << 16) >>> 0
  }
  let buf = zip.toBuffer()
  for (const [placeholder, raw] of Object.entries(opts.raw ?? {})) {
    if (placeholder.length !== raw.length) throw new Error('raw name must keep the length')
    buf = Buffer.from(buf.toString('latin1').split(placeholder).join(raw), 'latin1')
  }
  return buf
}

export const reportZip = (r: Report): Buffer => zipOf({ 'report.json': JSON.stringify(r) })
