/**
 * Decodes a JSON-lines stream (test2json events) incrementally. Lines that are not JSON event
 * objects are handed back as text; over-long lines are reported, never buffered unboundedly.
 */
import { LineSplitter } from './lines.js'

/** The fields of test2json events and Go 1.24+ build events this project reads. */
export interface TestEvent {
  Action: string
  Package?: string
  ImportPath?: string
  Test?: string
  Output?: string
  FailedBuild?: string
}

export interface JsonLineHandlers {
  event(ev: TestEvent): void
  /** A line that is not a JSON object with an `Action` (blank lines are skipped). */
  text(line: string): void
  /** A line cut at the length cap (its head only). */
  overflow(line: string): void
}

/** Largest run of complete lines decoded in one JSON.parse call (characters). */
const BATCH_MAX = 4 * 1024 * 1024

const isEvent = (v: unknown): v is TestEvent =>
  v !== null && typeof v === 'object' && typeof (v as TestEvent).Action === 'string'

export class JsonLineDecoder {
  /** JSON events decoded so far. */
  events = 0
  private readonly lines: LineSplitter

  constructor(
    private readonly h: JsonLineHandlers,
    maxLine?: number
  ) {
    this.lines = new LineSplitter((l, o) => this.line(l, o), maxLine)
  }

  /**
   * Feeds a chunk. The complete lines of a chunk are decoded with one `JSON.parse` of
   * `[line,line,...]`, several times cheaper than a call per line; when that fails (a non-JSON
   * or blank line) nothing has been consumed yet and they go line by line instead.
   */
  push(chunk: string): void {
    const last = chunk.lastIndexOf('\n')
    if (last === -1 || last > BATCH_MAX) return this.lines.push(chunk)
    const pending = this.lines.takePending()
    if (pending === null || pending.length > BATCH_MAX) {
      if (pending !== null) this.lines.push(pending) // put it back: too long to batch
      return this.lines.push(chunk)
    }
    const lines = pending + chunk.slice(0, last)
    if (!this.batch(lines)) this.lines.push(`${lines}\n`)
    if (last + 1 < chunk.length) this.lines.push(chunk.slice(last + 1))
  }

  /** Flushes a last unterminated line (a truncated stream). */
  end(): void {
    this.lines.end()
  }

  private batch(lines: string): boolean {
    let events: unknown
    try {
      // `\r` of CRLF is JSON whitespace, so CRLF streams batch too.
      events = JSON.parse(`[${lines.replaceAll('\n', ',')}]`)
    } catch {
      return false
    }
    if (!Array.isArray(events) || !events.every(isEvent)) return false
    this.events += events.length
    for (const ev of events) this.h.event(ev)
    return true
  }

  private line(line: string, overflowed: boolean): void {
    if (overflowed) return this.h.overflow(line)
    if (line === '') return
    if (line.charCodeAt(0) === 123 /* { */) {
      let ev: unknown = null
      try {
        ev = JSON.parse(line)
      } catch {
        // not JSON: text
      }
      if (isEvent(ev)) {
        this.events++
        return this.h.event(ev)
      }
    }
    this.h.text(line)
  }
}
