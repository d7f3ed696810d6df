/**
 * Parser for one Go race detector report: the lines between two `==================` separators
 * (grammar in docs: go-output-formats.md §1.1, printed by LLVM tsan_report.cpp in Go mode).
 * Pure: lines in, plain data out.
 */
import type { AccessKind, Frame, GoroutineOrigin, RaceAccess } from '../domain/model.js'

export const SEPARATOR = '=================='
export const RACE_HEADER = 'WARNING: DATA RACE'

const ACCESS_RE =
  /^(Read|Write|Previous read|Previous write)(?: at 0x[0-9a-fA-F]+)? by (main goroutine|goroutine (\d+)):$/
const ORIGIN_RE = /^Goroutine (\d+) \((running|finished)\) created at:$/
const HEAP_RE =
  /^Heap block of size \d+ at 0x[0-9a-fA-F]+ allocated by (?:main goroutine|goroutine \d+):$/
const GLOBAL_RE = /^Global var .+ of size \d+ at 0x[0-9a-fA-F]+ declared at .+:\d+$/
const FUNC_RE = /^ {2}(\S.*)\(\)$/
const LOC_RE = /^ {6}(.+):(\d+)(?: \+0x[0-9a-fA-F]+)?$/
const LOST_STACK = '  [failed to restore the stack]'

/** A race block after parsing, before fingerprinting. */
export interface ParsedBlock {
  accesses: [RaceAccess, RaceAccess]
  goroutines: GoroutineOrigin[]
  /** Lines inside the block that matched no rule (bounded by the caller's sampling). */
  unknownLines: string[]
}

/** Why a block could not become a race. */
export interface BlockFailure {
  reason: string
}

/** Lines that can only occur inside a race report; seen outside a block they mean lost context. */
export function isRaceGrammarLine(line: string): boolean {
  return ACCESS_RE.test(line) || ORIGIN_RE.test(line)
}

/**
 * Converts a printed path to a module-relative `/`-separated path, or null when the file is
 * outside `moduleRoot` (GOROOT, module cache, `_testmain.go`, unknown `-`).
 */
export function toRelFile(file: string, moduleRoot: string | null): string | null {
  if (moduleRoot === null || file === '') return null
  const f = file.replace(/\\/g, '/')
  let root = moduleRoot.replace(/\\/g, '/')
  if (!root.endsWith('/')) root += '/'
  return f.startsWith(root) && f.length > root.length ? f.slice(root.length) : null
}

type Section =
  | { type: 'access'; access: RaceAccess }
  | { type: 'origin'; origin: GoroutineOrigin }
  | { type: 'location' }

/**
 * Parses the body of one report (without its separators). `moduleRoot` is the absolute
 * directory of the Go module that ran the tests; it decides `Frame.relFile`.
 */
export function parseRaceBlock(
  lines: readonly string[],
  moduleRoot: string | null
): ParsedBlock | BlockFailure {
  let i = 0
  while (i < lines.length && lines[i] === '') i++
  if (lines[i] !== RACE_HEADER) return { reason: `not a data race report: ${lines[i] ?? ''}` }
  i++
  const accesses: RaceAccess[] = []
  const goroutines: GoroutineOrigin[] = []
  const unknownLines: string[] = []
  let section: Section | null = null
  let pendingFunc: string | null = null

  const frames = (): Frame[] | null => {
    if (section === null || section.type === 'location') return null
    return section.type === 'access' ? section.access.frames : section.origin.frames
  }
  const flushFunc = (): void => {
    // A function line without its location line: keep the frame, location unknown.
    const f = frames()
    if (pendingFunc !== null && f !== null)
      f.push({ func: pendingFunc, file: '', relFile: null, line: 0 })
    pendingFunc = null
  }

  for (; i < lines.length; i++) {
    const line = lines[i]
    if (line === '') {
      flushFunc()
      section = null
      continue
    }
    const c = line.charCodeAt(0)
    if (c === 32 /* ' ' */) {
      // Frames, the bulk of a report: `  func()` then `      file:line +0xoff`.
      const f = frames()
      if (line === LOST_STACK && section?.type === 'access') {
        section.access.stackRestoreFailed = true
        continue
      }
      if (section?.type === 'location') continue // heap allocation stack: not needed
      const loc = line.startsWith('      ') ? LOC_RE.exec(line) : null
      if (loc && pendingFunc !== null && f !== null) {
        const file = loc[1] === '-' ? '' : loc[1]
        const rel = toRelFile(file, moduleRoot)
        f.push({ func: pendingFunc, file, relFile: rel, line: Number(loc[2]) })
        pendingFunc = null
        continue
      }
      const fn = loc === null ? FUNC_RE.exec(line) : null
      if (fn && f !== null) {
        flushFunc()
        pendingFunc = fn[1]
        continue
      }
    } else {
      const acc = c === 82 || c === 87 || c === 80 ? ACCESS_RE.exec(line) : null // R W P
      if (acc) {
        flushFunc()
        const access: RaceAccess = {
          kind: (acc[1].endsWith('rite') ? 'write' : 'read') as AccessKind,
          previous: acc[1].startsWith('Previous'),
          goroutine: acc[3] !== undefined ? Number(acc[3]) : acc[2] === 'main goroutine' ? 1 : null,
          frames: [],
          stackRestoreFailed: false
        }
        accesses.push(access)
        section = { type: 'access', access }
        continue
      }
      const org = c === 71 ? ORIGIN_RE.exec(line) : null // G
      if (org) {
        flushFunc()
        const origin: GoroutineOrigin = {
          goroutine: Number(org[1]),
          state: org[2] as 'running' | 'finished',
          frames: []
        }
        goroutines.push(origin)
        section = { type: 'origin', origin }
        continue
      }
      if (HEAP_RE.test(line) || GLOBAL_RE.test(line)) {
        flushFunc()
        section = { type: 'location' }
        continue
      }
    }
    unknownLines.push(line)
  }
  flushFunc()

  const current = accesses.find((a) => !a.previous)
  const previous = accesses.find((a) => a.previous)
  if (current === undefined || previous === undefined) {
    return {
      reason: `race report without ${current === undefined ? 'current' : 'previous'} access`
    }
  }
  const usable = (a: RaceAccess): boolean => a.frames.length > 0 || a.stackRestoreFailed
  if (!usable(current) || !usable(previous)) return { reason: 'race report access without a stack' }
  return { accesses: [current, previous], goroutines, unknownLines }
}

/** Dedupe key for identical reports within one side: no goroutine ids, addresses or offsets. */
export function structuralKey(pkg: string, block: ParsedBlock): string {
  const part = (a: RaceAccess): string =>
    `${a.kind}${a.previous ? 'P' : ''}:${a.frames
      .slice(0, 4)
      .map((f) => `${f.func}@${f.file}:${f.line}`)
      .join(';')}`
  return `${pkg}|${part(block.accesses[0])}|${part(block.accesses[1])}`
}
