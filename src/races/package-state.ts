/**
 * The text state machine for one package's test output (the concatenated `Output` of its
 * events): race report blocks, race attribution to tests, timeouts, panics, build markers.
 */
import type { PackageReport, RawRace } from './parse-types.js'
import {
  BUILD_FAILED_RE,
  endsBlock,
  FOUND_RE,
  RACE_IN_TEST_RE,
  RACE_IN_TEST_TAIL
} from './markers.js'
import {
  isRaceGrammarLine,
  parseRaceBlock,
  RACE_HEADER,
  SEPARATOR,
  structuralKey
} from './race-block.js'

/** Shared by all package states of one parse: the collapsed races and the unparsed counter. */
export interface ParseSink {
  moduleRoot: string | null
  races: Map<string, RawRace>
  unparsed(sample: string, count?: number): void
}

const MAX_BLOCK_LINES = 4000
const MAX_PANICS = 20
const MAX_BUILD_LINES = 200

export class PackageState {
  readonly report: PackageReport
  private pending = ''
  private pendingTest: string | null = null
  private block: string[] | null = null
  private blockTest: string | null = null
  /** Every race occurrence in order, so a `race detected` line can claim those of its test. */
  private readonly seq: RawRace[] = []
  private readonly testStart = new Map<string, number>()
  private readonly failed = new Set<string>()
  private readonly raceTests = new Set<string>()

  constructor(
    pkg: string,
    private readonly sink: ParseSink
  ) {
    this.report = {
      package: pkg,
      status: 'unknown',
      buildFailed: false,
      buildOutput: [],
      timedOut: false,
      timeoutMessage: null,
      panics: [],
      failedTests: [],
      raceTests: [],
      raceOutsideTests: false,
      foundRaces: null,
      raceBlocks: 0,
      starts: 0
    }
  }

  /** Marks the start of a test, for attributing `race detected` lines to earlier reports. */
  testRun(test: string): void {
    this.testStart.set(test, this.seq.length)
  }

  testFailed(test: string): void {
    this.failed.add(test)
  }

  addBuildOutput(line: string): void {
    if (this.report.buildOutput.length < MAX_BUILD_LINES) this.report.buildOutput.push(line)
  }

  /** Appends an `Output` fragment; lines are processed once complete. */
  pushText(text: string, test: string | null): void {
    // Fast path: one whole line per event, which is what test2json emits almost always.
    if (this.pending === '') {
      const nl = text.indexOf('\n')
      if (nl === text.length - 1) {
        this.line(text.charCodeAt(nl - 1) === 13 ? text.slice(0, -2) : text.slice(0, -1), test)
        return
      }
      this.pendingTest = test
    }
    let rest = this.pending + text
    this.pending = ''
    for (;;) {
      const nl = rest.indexOf('\n')
      if (nl === -1) break
      const raw = rest.slice(0, nl)
      this.line(raw.endsWith('\r') ? raw.slice(0, -1) : raw, this.pendingTest)
      this.pendingTest = test
      rest = rest.slice(nl + 1)
    }
    this.pending = rest
  }

  /** Processes one whole line; returns true when it was recognised (used for stray text). */
  line(line: string, test: string | null): boolean {
    if (this.block !== null) {
      if (line === SEPARATOR) {
        if (this.block.length === 0) return true // `====\n====`: the second one opens the block
        this.finishBlock(true)
        return true
      }
      if (this.block.length === 0 && line !== RACE_HEADER) {
        this.block = null // a lone separator printed by a test, not a report
      } else if (endsBlock(line) && this.block.length > 0) {
        this.finishBlock(false)
      } else {
        if (this.block.length < MAX_BLOCK_LINES) this.block.push(line)
        else this.sink.unparsed(`race report longer than ${MAX_BLOCK_LINES} lines: ${line}`)
        return true
      }
    }
    if (line === SEPARATOR) {
      this.block = []
      this.blockTest = test
      return true
    }
    if (line === RACE_HEADER) {
      // Header without an opening separator (output cut or interleaved).
      this.block = [line]
      this.blockTest = test
      return true
    }
    return this.marker(line, test)
  }

  private marker(line: string, test: string | null): boolean {
    switch (line.charCodeAt(0)) {
      case 32: // ' '
      case 9: // '\t'
        if (test !== null && line.endsWith(RACE_IN_TEST_TAIL) && RACE_IN_TEST_RE.test(line)) {
          this.claim(test)
          return true
        }
        return false
      case 112: // 'p'
        if (!line.startsWith('panic: ')) return false
        if (line.startsWith('panic: test timed out')) {
          this.report.timedOut = true
          this.report.timeoutMessage = line
        } else this.panic(test, line)
        return true
      case 102: // 'f'
      case 114: // 'r'
        if (!line.startsWith('fatal error: ') && !line.startsWith('race: limit on ')) return false
        this.panic(test, line)
        return true
      case 116: // 't'
        if (line !== 'testing: race detected outside of test execution') return false
        this.report.raceOutsideTests = true
        return true
      case 70: {
        // 'F'
        const found = FOUND_RE.exec(line)
        if (found) {
          this.report.foundRaces = (this.report.foundRaces ?? 0) + Number(found[1])
          return true
        }
        if (!BUILD_FAILED_RE.test(line)) return false
        this.report.buildFailed = true
        return true
      }
      case 82: // 'R'
      case 87: // 'W'
      case 80: // 'P'
      case 71: // 'G'
        if (!isRaceGrammarLine(line)) return false
        this.sink.unparsed(`race report line outside a report: ${line}`)
        return true
      default:
        return false
    }
  }

  private panic(test: string | null, message: string): void {
    if (this.report.panics.length < MAX_PANICS) this.report.panics.push({ test, message })
  }

  /** Attributes every report seen since `test` started to `test` (parallel tests share races). */
  private claim(test: string): void {
    this.raceTests.add(test)
    const from = this.testStart.get(test) ?? this.seq.length
    for (let i = from; i < this.seq.length; i++) {
      if (!this.seq[i].tests.includes(test)) this.seq[i].tests.push(test)
    }
  }

  private finishBlock(terminated: boolean): void {
    const lines = this.block ?? []
    this.block = null
    this.report.raceBlocks++
    const parsed = parseRaceBlock(lines, this.sink.moduleRoot)
    if ('reason' in parsed) {
      const head = lines.slice(0, 4).join(' | ')
      this.sink.unparsed(`${terminated ? '' : 'truncated '}${parsed.reason} [${head}]`)
      return
    }
    for (const u of parsed.unknownLines) this.sink.unparsed(`unknown line in race report: ${u}`)
    const key = structuralKey(this.report.package, parsed)
    let race = this.sink.races.get(key)
    if (race === undefined) {
      race = {
        key,
        package: this.report.package,
        tests: [],
        outsideTest: false,
        accesses: parsed.accesses,
        goroutines: parsed.goroutines,
        occurrences: 0,
        partial: false
      }
      this.sink.races.set(key, race)
    }
    race.occurrences++
    if (!terminated) race.partial = true
    if (this.blockTest !== null && !race.tests.includes(this.blockTest)) {
      race.tests.push(this.blockTest)
    }
    // Bounded: 10,000 identical reports keep one ref per occurrence, a few hundred KB at most.
    if (this.seq.length < 100_000) this.seq.push(race)
  }

  /** Flushes a partial line and an open block at the end of the stream. */
  finish(): PackageReport {
    if (this.pending !== '') {
      const rest = this.pending
      this.pending = ''
      this.line(rest, this.pendingTest)
    }
    if (this.block !== null && this.block.length > 0) this.finishBlock(false)
    this.block = null
    this.report.failedTests = [...this.failed]
    this.report.raceTests = [...this.raceTests]
    return this.report
  }
}
