/**
 * Streaming parser for `go test -json` (test2json) output plus the go command's stderr.
 *
 * - stdout is split into lines; each line is a JSON event or, if not, stray text (old build
 *   failure form, text mixed in by wrappers) that is still scanned for race reports and counted.
 * - `Output` fragments are concatenated per package before being split into lines: test2json
 *   splits lines over 1 KiB and benchmark names at the tab, and prints each race line as its
 *   own event. A line is charged to the test of the event that carried its first fragment,
 *   which test2json takes from the last `=== RUN/CONT/NAME` framing line.
 * - Go 1.24+ `build-output`/`build-fail` events and the stderr `# pkg` text form both mark
 *   build failures.
 * Pure and synchronous: no I/O. Memory is bounded by the number of packages and distinct races.
 */
import { JsonLineDecoder, type TestEvent } from './json-lines.js'
import { LineSplitter } from './lines.js'
import { BUILD_FAILED_RE } from './markers.js'
import { PackageState, type ParseSink } from './package-state.js'
import type { GoTestParseResult, RawRace } from './parse-types.js'

export interface GoTestJsonParserOptions {
  /** Absolute module root of the checkout that ran the tests; decides `Frame.relFile`. */
  moduleRoot: string | null
  /** Samples of unparsed input kept (default 20). */
  maxSamples?: number
  /** Longest line accepted (characters, default 16 Mi). */
  maxLine?: number
}

const KNOWN = new Set(['start', 'run', 'pause', 'cont', 'pass', 'fail', 'skip', 'bench', 'attr'])
const STRAY = '(stray output)'
const SAMPLE_CHARS = 300
const STDERR_TAIL = 50

/** `example.com/m [example.com/m.test]` or `example.com/m.test` → `example.com/m`. */
export function packageOfImportPath(id: string): string {
  const sp = id.indexOf(' [')
  const base = sp === -1 ? id : id.slice(0, sp)
  return sp === -1 && base.endsWith('.test') ? base.slice(0, -5) : base
}

/**
 * Stateful, incremental parser: `push` stdout chunks and `pushStderr` stderr chunks as they
 * arrive (any split), then `end()` once for the result. Races found in text that belongs to no
 * package (stray stdout/stderr) are reported under the package `(stray output)`.
 */
export class GoTestJsonParser {
  private readonly packages = new Map<string, PackageState>()
  private readonly sink: ParseSink
  private readonly stdout: JsonLineDecoder
  private readonly stderr: LineSplitter
  private readonly maxSamples: number
  private unparsedCount = 0
  private readonly samples: string[] = []
  private readonly unknownActions: Record<string, number> = {}
  private readonly stderrTail: string[] = []
  private stderrBuildPkg: string | null = null
  private ended: GoTestParseResult | null = null

  constructor(options: GoTestJsonParserOptions) {
    this.maxSamples = options.maxSamples ?? 20
    this.sink = {
      moduleRoot: options.moduleRoot,
      races: new Map<string, RawRace>(),
      unparsed: (sample, count = 1) => this.unparsed(sample, count)
    }
    this.stdout = new JsonLineDecoder(
      {
        event: (ev) => this.event(ev),
        text: (line) => this.strayLine(line),
        overflow: (line) =>
          this.unparsed(`line longer than the ${line.length}-character limit: ${line}`, 1)
      },
      options.maxLine
    )
    this.stderr = new LineSplitter((l, o) => this.stderrLine(l, o), options.maxLine)
  }

  /** Feeds a chunk of stdout (any size, any split). */
  push(chunk: string): void {
    this.stdout.push(chunk)
  }

  /** Feeds a chunk of the go command's stderr. */
  pushStderr(chunk: string): void {
    this.stderr.push(chunk)
  }

  /** Ends the stream: flushes partial lines and open race blocks, then returns the result. */
  end(): GoTestParseResult {
    if (this.ended !== null) return this.ended
    this.stdout.end()
    this.stderr.end()
    const packages = []
    for (const st of this.packages.values()) {
      const rep = st.finish()
      // `Found N data race(s)` counts every report of the process: fewer blocks means lost ones.
      if (rep.foundRaces !== null && rep.foundRaces > rep.raceBlocks) {
        this.unparsed(
          `${rep.package}: "Found ${rep.foundRaces} data race(s)" but ${rep.raceBlocks} report(s) seen`,
          rep.foundRaces - rep.raceBlocks
        )
      }
      // The test binary said it saw races but printed no report (e.g. a GORACE log_path).
      if (rep.raceBlocks === 0 && (rep.raceTests.length > 0 || rep.raceOutsideTests)) {
        const where = rep.raceTests.length > 0 ? rep.raceTests.join(', ') : 'outside tests'
        this.unparsed(`${rep.package}: race detected (${where}) but no race report was printed`, 1)
      }
      if (rep.package !== STRAY || rep.raceBlocks > 0 || rep.buildFailed) packages.push(rep)
    }
    const races = [...this.sink.races.values()]
    for (const r of races) r.outsideTest = r.tests.length === 0
    this.ended = {
      packages,
      races,
      unparsed: this.unparsedCount,
      unparsedSamples: this.samples,
      unknownActions: this.unknownActions,
      events: this.stdout.events,
      stderrTail: this.stderrTail
    }
    return this.ended
  }

  private unparsed(sample: string, count: number): void {
    this.unparsedCount += count
    if (this.samples.length < this.maxSamples) this.samples.push(sample.slice(0, SAMPLE_CHARS))
  }

  private pkg(name: string): PackageState {
    let st = this.packages.get(name)
    if (st === undefined) {
      st = new PackageState(name, this.sink)
      this.packages.set(name, st)
    }
    return st
  }

  /** Non-JSON stdout: the pre-1.24 build failure line, or text mixed in by something else. */
  private strayLine(line: string): void {
    const m = BUILD_FAILED_RE.exec(line)
    if (m) {
      this.pkg(m[1]).line(line, null)
      return
    }
    if (!this.pkg(STRAY).line(line, null)) this.unparsed(`non-JSON output: ${line}`, 1)
  }

  private event(ev: TestEvent): void {
    const test = typeof ev.Test === 'string' && ev.Test !== '' ? ev.Test : null
    switch (ev.Action) {
      case 'output':
        if (typeof ev.Output === 'string') this.pkg(ev.Package ?? '').pushText(ev.Output, test)
        return
      case 'build-output':
      case 'build-fail': {
        const st = this.pkg(packageOfImportPath(ev.ImportPath ?? ev.Package ?? ''))
        if (ev.Action === 'build-fail') st.report.buildFailed = true
        else if (typeof ev.Output === 'string') st.addBuildOutput(ev.Output.replace(/\r?\n$/, ''))
        return
      }
      case 'start':
        this.pkg(ev.Package ?? '').report.starts++
        return
      case 'run':
        if (test !== null) this.pkg(ev.Package ?? '').testRun(test)
        return
      case 'pass':
      case 'fail':
      case 'skip': {
        const st = this.pkg(ev.Package ?? '')
        if (test !== null) {
          if (ev.Action === 'fail') st.testFailed(test)
        } else {
          st.report.status = ev.Action
          if (typeof ev.FailedBuild === 'string' && ev.FailedBuild !== '')
            st.report.buildFailed = true
        }
        return
      }
      default:
        if (KNOWN.has(ev.Action)) return
        this.unknownActions[ev.Action] = (this.unknownActions[ev.Action] ?? 0) + 1
        // Future actions that carry output still get their text scanned.
        if (typeof ev.Output === 'string') this.pkg(ev.Package ?? '').pushText(ev.Output, test)
    }
  }

  private stderrLine(line: string, overflowed: boolean): void {
    if (overflowed) {
      this.unparsed(`stderr line longer than the limit: ${line}`, 1)
      return
    }
    // Text-form build failures: `# pkg [pkg.test]` then the compiler's messages.
    const hdr = /^# (\S+)(?: \[\S+\])?$/.exec(line)
    if (hdr) {
      this.stderrBuildPkg = hdr[1]
      this.pkg(hdr[1]).addBuildOutput(line)
      return
    }
    if (this.stderrBuildPkg !== null && /^\S.*:\d+(:\d+)?: /.test(line)) {
      this.pkg(this.stderrBuildPkg).addBuildOutput(line)
      return
    }
    this.stderrBuildPkg = null
    if (this.pkg(STRAY).line(line, null)) return
    this.stderrTail.push(line)
    if (this.stderrTail.length > STDERR_TAIL) this.stderrTail.shift()
  }
}
