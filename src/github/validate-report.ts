/**
 * A hand-written validator for `Report` JSON read from an untrusted artifact: every field the
 * renderer and the verdict use is checked for type, enum and size, so a tampered report is
 * refused instead of rendered. Unknown extra fields are ignored; an unknown schema is refused.
 */
import { REPORT_SCHEMA, type Report } from '../domain/model.js'

type Check = (v: unknown, path: string, errs: string[]) => void

const MAX_STRING = 64 * 1024
const MAX_ITEMS = 100_000

const str: Check = (v, p, e) => {
  if (typeof v !== 'string') e.push(`${p}: expected a string`)
  else if (v.length > MAX_STRING) e.push(`${p}: string longer than ${MAX_STRING}`)
}
const num: Check = (v, p, e) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) e.push(`${p}: expected a number`)
}
const int: Check = (v, p, e) => {
  if (typeof v !== 'number' || !Number.isInteger(v)) e.push(`${p}: expected an integer`)
}
const bool: Check = (v, p, e) => {
  if (typeof v !== 'boolean') e.push(`${p}: expected true or false`)
}
const optional =
  (c: Check): Check =>
  (v, p, e) => {
    if (v !== undefined) c(v, p, e)
  }
const nullable =
  (c: Check): Check =>
  (v, p, e) => {
    if (v !== null) c(v, p, e)
  }
const oneOf =
  (...allowed: string[]): Check =>
  (v, p, e) => {
    if (typeof v !== 'string' || !allowed.includes(v))
      e.push(`${p}: expected one of ${allowed.join(', ')}`)
  }
const arr =
  (c: Check, len?: number): Check =>
  (v, p, e) => {
    if (!Array.isArray(v)) return void e.push(`${p}: expected an array`)
    if (len !== undefined && v.length !== len) return void e.push(`${p}: expected ${len} items`)
    if (v.length > MAX_ITEMS) return void e.push(`${p}: more than ${MAX_ITEMS} items`)
    for (let i = 0; i < v.length && e.length < 20; i++) c(v[i], `${p}[${i}]`, e)
  }
const obj =
  (shape: Record<string, Check>): Check =>
  (v, p, e) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      return void e.push(`${p}: expected an object`)
    for (const [k, c] of Object.entries(shape)) c((v as Record<string, unknown>)[k], `${p}.${k}`, e)
  }
const record =
  (c: Check): Check =>
  (v, p, e) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      return void e.push(`${p}: expected an object`)
    for (const [k, x] of Object.entries(v)) c(x, `${p}[${JSON.stringify(k.slice(0, 40))}]`, e)
  }

const frame = obj({ func: str, file: str, relFile: nullable(str), line: int })
const access = obj({
  kind: oneOf('read', 'write'),
  previous: bool,
  goroutine: nullable(int),
  frames: arr(frame),
  stackRestoreFailed: bool
})
const race = obj({
  fingerprint: str,
  package: str,
  tests: arr(str),
  outsideTest: bool,
  accesses: arr(access, 2),
  goroutines: arr(
    obj({ goroutine: int, state: oneOf('running', 'finished', 'unknown'), frames: arr(frame) })
  ),
  occurrences: int,
  sourceLines: arr(str, 2)
})
const tally = obj({ runs: int, seen: int })
const summary = nullable(obj({ center: num, low: nullable(num), high: nullable(num), n: int }))
const counts = obj({
  newRaces: int,
  existingRaces: int,
  fixedRaces: int,
  unclassifiedRaces: int,
  regressions: int,
  improvements: int
})

const report: Check = obj({
  toolVersion: str,
  goVersion: nullable(str),
  repo: obj({
    serverUrl: str,
    owner: str,
    repo: str,
    headSha: str,
    baseSha: nullable(str),
    prNumber: nullable(int),
    runUrl: nullable(str),
    moduleDir: str
  }),
  settings: obj({
    commentHeader: str,
    raceCount: int,
    raceConfirm: int,
    benchCount: int,
    benchtime: str,
    timeThreshold: num,
    allocThreshold: num,
    gcThreshold: num,
    alpha: num,
    packages: arr(str),
    bench: str,
    failOnNewRaces: optional(bool),
    failOnRaces: optional(bool),
    failOnRegression: optional(bool)
  }),
  shard: nullable(obj({ index: int, total: int })),
  races: obj({
    enabled: bool,
    items: arr(
      obj({
        class: oneOf('new', 'existing', 'fixed', 'unclassified'),
        reason: nullable(str),
        race,
        head: tally,
        base: tally
      })
    ),
    runs: arr(
      obj({
        side: oneOf('base', 'head'),
        purpose: oneOf('initial', 'confirm'),
        packages: arr(str),
        run: nullable(str),
        count: int,
        exitCode: nullable(int),
        durationMs: num
      })
    ),
    unparsed: int,
    unparsedSamples: arr(str)
  }),
  benchmarks: obj({
    enabled: bool,
    variants: arr(str),
    comparisons: arr(
      obj({
        variant: str,
        package: str,
        benchmark: str,
        unit: str,
        kind: oneOf('time', 'alloc', 'gc', 'other'),
        base: summary,
        head: summary,
        delta: nullable(num),
        p: nullable(num),
        alphaAdjusted: num,
        threshold: num,
        verdict: oneOf('regression', 'improvement', 'unchanged', 'inconclusive'),
        confirmed: nullable(bool),
        lowerIsBetter: bool,
        source: optional(nullable(obj({ relFile: str, line: int })))
      })
    ),
    profiles: arr(
      obj({ package: str, benchmark: str, profile: oneOf('cpu', 'mem'), top: arr(str) })
    ),
    correction: str,
    unparsed: int,
    unparsedSamples: arr(str),
    benchstatText: record(str),
    notes: optional(arr(str)),
    rounds: int,
    durationMs: num
  }),
  problems: arr(
    obj({
      kind: oneOf(
        'build-failed',
        'timeout',
        'test-failed',
        'panic',
        'base-unavailable',
        'tool-error',
        'bench-failed'
      ),
      side: nullable(oneOf('base', 'head')),
      package: nullable(str),
      message: str,
      blocking: bool
    })
  ),
  artifact: nullable(obj({ name: str, url: nullable(str) })),
  verdict: obj({ status: oneOf('pass', 'fail', 'incomplete'), reasons: arr(str), counts })
})

/** The report is not one we can trust to render. */
export class InvalidReportError extends Error {
  constructor(
    message: string,
    readonly problems: string[]
  ) {
    super(message)
    this.name = 'InvalidReportError'
  }
}

/** Check `data` (parsed JSON) is a `Report` of the known schema; `source` names it in errors. */
export function validateReport(data: unknown, source: string): Report {
  const schema = (data as { schema?: unknown } | null)?.schema
  if (schema !== REPORT_SCHEMA) {
    throw new InvalidReportError(
      `${source}: unknown report schema ${JSON.stringify(schema)?.slice(0, 80)} (expected ${REPORT_SCHEMA})`,
      []
    )
  }
  const errs: string[] = []
  report(data, 'report', errs)
  const headSha = (data as Report).repo?.headSha
  if (typeof headSha === 'string' && !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(headSha)) {
    errs.push('report.repo.headSha: expected a full commit SHA')
  }
  if (errs.length > 0) {
    throw new InvalidReportError(
      `${source}: not a valid report: ${errs.slice(0, 5).join('; ')}`,
      errs
    )
  }
  return data as Report
}
