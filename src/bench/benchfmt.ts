/**
 * Go benchmark data format (golang/proposal design/14313-benchmark-format.md, as read by
 * golang.org/x/perf/benchfmt): config lines `key: value`, result lines
 * `BenchmarkName[-procs] <iterations> <value> <unit> [<value> <unit>...]`. Everything else is
 * ignored by the spec; callers here count it instead of dropping it silently.
 */
import type { BenchResult, Measurement } from './types.js'

/** Spec: the key starts lower case and has no spaces or upper case; `key:` then blanks, value. */
const CONFIG_LINE = /^(\p{Ll}[^\s\p{Lu}:]*):(?:[ \t]+(.*))?$/u
/** Spec: `Benchmark` then an upper-case letter or the end of the field. */
const BENCH_NAME = /^Benchmark(?:\p{Lu}|$|[^\p{Ll}])/u
const PROCS_SUFFIX = /-(\d+)$/

/** Splits the `-procs` suffix off a benchmark name (x/perf's splitGomaxprocs does the same). */
export function splitProcs(full: string): { name: string; procs: number | null } {
  const m = PROCS_SUFFIX.exec(full)
  if (!m) return { name: full, procs: null }
  return { name: full.slice(0, m.index), procs: Number(m[1]) }
}

/** True when the field is a benchmark name per the spec. */
export function isBenchName(field: string): boolean {
  return BENCH_NAME.test(field)
}

/** Parses a config line, or returns null. */
export function parseConfigLine(line: string): { key: string; value: string } | null {
  const m = CONFIG_LINE.exec(line.trimEnd())
  if (!m) return null
  return { key: m[1], value: (m[2] ?? '').trim() }
}

/**
 * Parses the fields after the name: `<iterations> <value> <unit> ...`. Returns null unless there
 * is an iteration count and at least one complete value/unit pair (the spec's even field count).
 */
export function parseResultFields(
  fields: string[]
): { iterations: number; measurements: Measurement[] } | null {
  if (fields.length < 3 || fields.length % 2 === 0) return null
  if (!/^\d+$/.test(fields[0])) return null
  const measurements: Measurement[] = []
  for (let i = 1; i < fields.length; i += 2) {
    const value = parseGoFloat(fields[i])
    if (value === null) return null
    measurements.push({ value, unit: fields[i + 1] })
  }
  return { iterations: Number(fields[0]), measurements }
}

/** strconv.ParseFloat accepts NaN and ±Inf too; the testing package prints NaN for 0 iterations. */
function parseGoFloat(s: string): number | null {
  if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(s)) return Number(s)
  if (/^[+-]?nan$/i.test(s)) return NaN
  if (/^[+-]?inf(inity)?$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity
  return null
}

/** Parses one complete result line, or returns null. */
export function parseResultLine(
  line: string
): { full: string; rest: ReturnType<typeof parseResultFields> } | null {
  const fields = line.trim().split(/\s+/)
  if (fields.length < 4 || !isBenchName(fields[0])) return null
  const rest = parseResultFields(fields.slice(1))
  return rest ? { full: fields[0], rest } : null
}

/** Result of reading a whole benchmark data file. */
export interface BenchfmtFile {
  results: BenchResult[]
  /** Lines that look like results but could not be parsed (the spec ignores them; we count). */
  malformed: string[]
}

/** Reads a benchmark data file (for example one written by benchfmt-write.ts). */
export function parseBenchfmt(text: string): BenchfmtFile {
  const config: Record<string, string> = {}
  const results: BenchResult[] = []
  const malformed: string[] = []
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '')
    if (line.startsWith('Benchmark')) {
      const r = parseResultLine(line)
      if (!r?.rest) {
        // A bare name (go test -v prints one when a benchmark starts) is not an error.
        if (line.trim().split(/\s+/).length > 1) malformed.push(line)
        continue
      }
      const { name, procs } = splitProcs(r.full)
      results.push({ name, procs, ...r.rest, config: { ...config } })
      continue
    }
    const kv = parseConfigLine(line)
    if (kv) {
      // An empty value deletes the key (x/perf behaviour).
      if (kv.value === '') delete config[kv.key]
      else config[kv.key] = kv.value
    }
  }
  return { results, malformed }
}
