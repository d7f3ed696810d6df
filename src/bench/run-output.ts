/**
 * Parses the merged stdout+stderr of one test-binary run made with `GODEBUG=gctrace=1`
 * (`-test.bench ... -test.count=1 -test.benchmem`) into samples, failures and unparsed lines.
 *
 * The testing package prints `Name<pad>\t` BEFORE it runs a benchmark and the numbers after
 * (non-verbose mode), so a GC line that the run triggers lands between the two:
 *
 *     BenchmarkAlloc-2   \tgc 3 @0.002s 14%: ... (forced)
 *     gc 4 @0.004s 12%: ...
 *        10000\t      4355 ns/op\t   32768 B/op\t       1 allocs/op
 *
 * The name is kept as pending and completed by the next line that parses as the numbers. Every
 * GC line is attributed to the benchmark whose result line comes next (see gc-metrics.ts).
 */
import { isBenchName, parseConfigLine, parseResultFields, splitProcs } from './benchfmt.js'
import { gcMeasurements } from './gc-metrics.js'
import { looksLikeGcLine, parseGcLine, type GcCycle } from './gctrace.js'
import type { BenchFailure, BenchResult } from './types.js'

/** What one run printed, parsed. */
export interface RunOutput {
  results: BenchResult[]
  failures: BenchFailure[]
  /** Lines not understood (never dropped silently). */
  unparsed: string[]
  config: Record<string, string>
}

const FRAMING = /^(PASS|FAIL|ok\s|FAIL\s|exit status \d+|testing: warning: no tests to run|\?\s)/
const MAX_DETAIL = 20

/** Parses the merged output of one benchmark run. Pure. */
export function parseRunOutput(text: string): RunOutput {
  const p = new Parser()
  for (const raw of text.split('\n')) p.line(raw.replace(/\r$/, ''))
  return p.finish()
}

class Parser {
  private readonly out: RunOutput = { results: [], failures: [], unparsed: [], config: {} }
  private cycles: GcCycle[] = []
  private pending: string | null = null
  /** The failure whose indented log/stack lines are being collected. */
  private block: BenchFailure | null = null
  private skippingBench = false
  private lastName: string | null = null
  /** Start of a gctrace line whose remainder comes on the next line (see gcFragment). */
  private gcPrefix: string | null = null

  line(line: string): void {
    if (line === '') return
    if (this.gcPrefix !== null && this.joinGc(line)) return
    if (this.collectBlock(line)) return
    const gc = parseGcLine(line)
    if (gc) return void this.cycles.push(gc)
    if (looksLikeGcLine(line)) return this.gcFragment(line)
    if (line.startsWith('--- FAIL: ') || line.startsWith('--- BENCH: '))
      return this.startBlock(line)
    if (line.startsWith('panic: ') || line.startsWith('fatal error: ')) return this.panic(line)
    const first = line.split(/\s/, 1)[0]
    if (isBenchName(first)) return this.named(line, first)
    if (this.pending !== null && this.completePending(line)) return
    const kv = parseConfigLine(line)
    if (kv && this.out.results.length === 0 && this.pending === null) {
      this.out.config[kv.key] = kv.value
      return
    }
    if (FRAMING.test(line)) return
    this.out.unparsed.push(line)
  }

  /** A line starting with a benchmark name: complete result, name then GC line, or name only. */
  private named(line: string, first: string): void {
    const tab = line.indexOf('\t')
    const rest = tab >= 0 ? line.slice(tab + 1) : line.slice(first.length)
    this.pending = first
    const trimmed = rest.trim()
    if (trimmed === '') return
    if (looksLikeGcLine(trimmed)) return this.gcFragment(trimmed)
    if (this.completePending(trimmed)) return
    // Output the benchmark printed after its name (it corrupts its own line); the numbers follow.
    this.out.unparsed.push(line)
  }

  /**
   * The runtime prints a gctrace line piece by piece (one write per printed value), while the
   * testing package writes the name and the numbers of a result in one write each; a GC finishing
   * concurrently can therefore be cut by them. gctrace text never contains a tab or `Benchmark`,
   * so those fragments are carved out and the rest of the GC line is joined with the next line.
   * Such a cycle, finishing after the numbers were printed, goes to the next benchmark, where it
   * precedes the first forced cycle and so counts for neither.
   */
  private gcFragment(text: string): void {
    let rest = text
    const name = /(Benchmark\S*) *\t/.exec(rest)
    if (name) {
      this.pending = name[1]
      rest = rest.slice(0, name.index) + rest.slice(name.index + name[0].length)
    }
    const numbers = / *\d+\t.*$/.exec(rest)
    if (numbers) rest = rest.slice(0, numbers.index)
    const gc = parseGcLine(rest)
    if (gc) this.cycles.push(gc)
    else this.gcPrefix = rest
    if (numbers && !this.completePending(numbers[0])) this.out.unparsed.push(numbers[0].trim())
  }

  /** Tries the stashed GC line start plus this line; false (and the start counted) if no fit. */
  private joinGc(line: string): boolean {
    const joined = this.gcPrefix + line
    this.gcPrefix = null
    // The carved-out numbers may have taken the GC line's own space before their padding.
    const gc =
      parseGcLine(joined) ?? parseGcLine(`${joined.slice(0, joined.length - line.length)} ${line}`)
    if (gc) {
      this.cycles.push(gc)
      return true
    }
    if (line.includes('\t')) {
      this.gcFragment(joined)
      return true
    }
    this.out.unparsed.push(joined.slice(0, joined.length - line.length))
    return false
  }

  private completePending(text: string): boolean {
    const parsed = parseResultFields(text.trim().split(/\s+/))
    if (!parsed || this.pending === null) return false
    const { name, procs } = splitProcs(this.pending)
    this.pending = null
    this.lastName = name
    const cycles = this.cycles
    this.cycles = []
    if (parsed.iterations <= 0 || parsed.measurements.some((m) => !Number.isFinite(m.value))) {
      this.out.failures.push({ name, kind: 'no-result', detail: [text.trim()] })
      return true
    }
    const measurements = [...parsed.measurements, ...gcMeasurements(cycles, parsed.iterations)]
    this.out.results.push({
      name,
      procs,
      iterations: parsed.iterations,
      measurements,
      config: { ...this.out.config }
    })
    return true
  }

  private startBlock(line: string): void {
    if (line.startsWith('--- BENCH: ')) {
      this.skippingBench = true
      return
    }
    const { name } = splitProcs(line.slice('--- FAIL: '.length).trim())
    this.block = { name, kind: 'fail', detail: [] }
    this.out.failures.push(this.block)
    this.pending = null
  }

  private panic(line: string): void {
    const name = this.pending !== null ? splitProcs(this.pending).name : null
    // A panic ends the process: the benchmark that was running (pending, else the last one) is the culprit.
    const culprit = name ?? this.lastName
    const prior = this.out.failures.find((f) => f.name === culprit && f.kind === 'no-result')
    if (prior) this.out.failures.splice(this.out.failures.indexOf(prior), 1)
    this.block = { name: culprit, kind: 'panic', detail: [line] }
    this.out.failures.push(this.block)
    this.pending = null
  }

  /** Indented lines after `--- FAIL`/`--- BENCH`, and everything after a panic, belong to the block. */
  private collectBlock(line: string): boolean {
    if (this.block?.kind === 'panic') {
      if (this.block.detail.length < MAX_DETAIL) this.block.detail.push(line)
      return true
    }
    const indented = /^\s/.test(line)
    if (this.skippingBench && indented) return true
    this.skippingBench = false
    if (this.block && indented) {
      if (this.block.detail.length < MAX_DETAIL) this.block.detail.push(line.trim())
      return true
    }
    this.block = null
    return false
  }

  finish(): RunOutput {
    if (this.gcPrefix !== null) this.out.unparsed.push(this.gcPrefix)
    if (this.pending !== null) {
      // A name with no numbers: the process died or was killed while the benchmark ran.
      this.out.failures.push({ name: splitProcs(this.pending).name, kind: 'no-result', detail: [] })
    }
    return this.out
  }
}
