/**
 * Incremental line splitting for streamed text. Accepts chunks of any size, yields whole lines
 * without their `\n` / `\r\n` terminator, and caps the length of a single line so a runaway
 * writer cannot exhaust memory: the overflow is dropped and reported, never silently lost.
 */

/** Called for every complete line; `overflowed` is true when the line was cut at `maxLine`. */
export type LineSink = (line: string, overflowed: boolean) => void

/** Default cap for one line (characters). test2json never emits lines over ~1 KiB of output. */
export const DEFAULT_MAX_LINE = 16 * 1024 * 1024

export class LineSplitter {
  private pending = ''
  private overflowed = false

  constructor(
    private readonly sink: LineSink,
    private readonly maxLine: number = DEFAULT_MAX_LINE
  ) {}

  /** Feeds a chunk; complete lines are passed to the sink synchronously. */
  push(chunk: string): void {
    let start = 0
    for (;;) {
      const nl = chunk.indexOf('\n', start)
      if (nl === -1) break
      let piece = chunk.slice(start, nl)
      if (this.pending !== '') {
        piece = this.pending + piece
        this.pending = ''
      }
      this.emit(piece)
      start = nl + 1
    }
    if (start < chunk.length) this.append(start === 0 ? chunk : chunk.slice(start))
  }

  /** Removes and returns the partial line held back, or null when it overflowed the cap. */
  takePending(): string | null {
    if (this.overflowed) return null
    const p = this.pending
    this.pending = ''
    return p
  }

  /** Flushes a last line that had no terminator (a truncated stream). */
  end(): void {
    if (this.pending !== '' || this.overflowed) this.emit(this.pending)
    this.pending = ''
  }

  private append(rest: string): void {
    if (this.overflowed) return
    if (this.pending.length + rest.length > this.maxLine) {
      // Keep the head of the line (enough for a sample) and drop the remainder.
      this.pending = (this.pending + rest).slice(0, this.maxLine)
      this.overflowed = true
      return
    }
    this.pending += rest
  }

  private emit(line: string): void {
    const overflowed = this.overflowed || line.length > this.maxLine
    this.overflowed = false
    if (overflowed) line = line.slice(0, this.maxLine)
    if (line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1)
    this.sink(line, overflowed)
  }
}
