/**
 * `GODEBUG=gctrace=1` lines (runtime/extern.go, runtime/mgc.go gcMarkTermination):
 * `gc # @#s #%: #+#+# ms clock, #+#/#/#+# ms cpu, #->#-># MB, # MB goal, # MB stacks, # MB globals, # P`
 * with an optional ` (forced)` for runtime.GC(). "MB" is MiB, integer-truncated (`>>20`).
 * The stacks/globals fields arrived with the Go 1.18 pacer, so they are optional here.
 */

/** One GC cycle as printed by gctrace. */
export interface GcCycle {
  number: number
  /** Wall-clock ms of the three phases: STW sweep termination, concurrent mark, STW mark termination. */
  clockMs: [number, number, number]
  /** Heap at GC start, at GC end, and live heap, in MiB (truncated). */
  heapStartMiB: number
  heapEndMiB: number
  heapLiveMiB: number
  goalMiB: number
  /** True for a cycle started by runtime.GC() (the testing package calls it before every run). */
  forced: boolean
}

const GC_LINE =
  /^gc (\d+) @(\d+(?:\.\d+)?)s (\d+)%: ([\d.]+)\+([\d.]+)\+([\d.]+) ms clock, [\d./+]+ ms cpu, (\d+)->(\d+)->(\d+) MB, (\d+) MB goal,(?: \d+ MB stacks,)?(?: \d+ MB globals,)? (\d+) P( \(forced\))?\s*$/

/** Parses one gctrace line (leading text must already be removed), or returns null. */
export function parseGcLine(line: string): GcCycle | null {
  const m = GC_LINE.exec(line)
  if (!m) return null
  return {
    number: Number(m[1]),
    clockMs: [Number(m[4]), Number(m[5]), Number(m[6])],
    heapStartMiB: Number(m[7]),
    heapEndMiB: Number(m[8]),
    heapLiveMiB: Number(m[9]),
    goalMiB: Number(m[10]),
    forced: m[12] !== undefined
  }
}

/** True when the text starts like a gctrace line (used to split a result line the GC interrupted). */
export function looksLikeGcLine(text: string): boolean {
  return /^gc \d+ @/.test(text)
}
