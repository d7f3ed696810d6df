/**
 * The identity of a race across runs, checkouts and unrelated edits.
 *
 * Scheme (`fp2`): for each of the two accesses take
 *   - the first frame inside the module (module-relative file, `/`-separated),
 *   - that frame's function with compiler-generated suffixes removed (`.func1`, `.func1.2`,
 *     `.gowrap1`, `.deferwrap1`, `-fm`, `-range1`) and type arguments collapsed to `[...]`,
 *     because closure numbers change when a closure is added above,
 *   - the trimmed text of that source line, read from the checkout the race came from.
 * Absolute paths, line numbers, goroutine ids, addresses and pc offsets are left out, so the
 * same race keeps its fingerprint between the base worktree and head, when edits move it down
 * the file, and across repeated occurrences. Two different racing statements in one function
 * differ in their source text. The two access keys are sorted, so the same pair reported with
 * the roles swapped (`Write`/`Previous read` vs `Read`/`Previous write`) is one race. The
 * package import path is included because the race stage re-runs tests per package.
 *
 * The access kind is deliberately left out. A read-modify-write such as `c.hits++` is reported,
 * depending on scheduling, as Read/Previous write, Write/Previous write or Write/Previous read:
 * with the kind in the key one bug gets two or three identities, and a head run that happens to
 * see a pairing base did not would call an old race new. Two different racing statements still
 * differ by their source text.
 * Result: `sha256(fp2\n<package>\n<keyA>\n<keyB>)` in hex, first 16 characters.
 *
 * Fallbacks: with no in-module frame the first frame is used (its function and file base
 * name); when the source line cannot be read the line number stands in for the text (stable
 * across checkouts, not across edits that move the line).
 */
import { createHash } from 'node:crypto'
import type { Frame, RaceAccess } from '../domain/model.js'

/** Reads one line (1-based) of a module-relative file, or null when unavailable. */
export type SourceLineReader = (relFile: string, line: number) => Promise<string | null>

const SUFFIX_RE = /(?:\.(?:func|gowrap|deferwrap)\d+|\.\d+|-fm|-range\d+)+$/

/** Removes closure/wrapper suffixes and type arguments from a Go function name. */
export function normaliseFunc(func: string): string {
  let f = func.replace(/\[[^\]]*\]/g, '[...]')
  for (;;) {
    const next = f.replace(SUFFIX_RE, '')
    if (next === f) return f
    f = next
  }
}

/** The frame the fingerprint is anchored to: first in-module frame, else the first frame. */
export function anchorFrame(access: RaceAccess): Frame | null {
  return access.frames.find((f) => f.relFile !== null) ?? access.frames[0] ?? null
}

function baseName(file: string): string {
  const i = file.lastIndexOf('/')
  return i === -1 ? file : file.slice(i + 1)
}

/** The per-access part of the fingerprint plus the source text it used. */
export async function accessKey(
  access: RaceAccess,
  read: SourceLineReader
): Promise<{ key: string; source: string }> {
  const f = anchorFrame(access)
  if (f === null) return { key: '?|?|stack lost', source: '' }
  const file = f.relFile ?? baseName(f.file.replace(/\\/g, '/'))
  const text = f.relFile !== null && f.line > 0 ? await read(f.relFile, f.line) : null
  const source = text?.trim() ?? ''
  const anchor = text !== null ? source : `@${f.line}`
  return { key: `${file}|${normaliseFunc(f.func)}|${anchor}`, source }
}

/** Computes the fingerprint of a race and the source lines used, in access order. */
export async function fingerprintRace(
  pkg: string,
  accesses: readonly [RaceAccess, RaceAccess],
  read: SourceLineReader
): Promise<{ fingerprint: string; sourceLines: [string, string] }> {
  const a = await accessKey(accesses[0], read)
  const b = await accessKey(accesses[1], read)
  const keys = [a.key, b.key].sort()
  const fingerprint = createHash('sha256')
    .update(`fp2\n${pkg}\n${keys[0]}\n${keys[1]}`)
    .digest('hex')
    .slice(0, 16)
  return { fingerprint, sourceLines: [a.source, b.source] }
}

/**
 * A `SourceLineReader` over a file reader, caching each file's lines. Paths are resolved
 * under `moduleRoot`; `..` segments are refused so a report cannot make us read elsewhere.
 */
export function cachedSourceReader(
  moduleRoot: string,
  readFile: (path: string) => Promise<string>
): SourceLineReader {
  const cache = new Map<string, Promise<string[] | null>>()
  return async (relFile, line) => {
    if (relFile.split('/').includes('..')) return null
    let lines = cache.get(relFile)
    if (lines === undefined) {
      const root = moduleRoot.endsWith('/') ? moduleRoot : `${moduleRoot}/`
      lines = readFile(root + relFile).then(
        (t) => t.split(/\r?\n/),
        () => null
      )
      cache.set(relFile, lines)
    }
    const all = await lines
    return all === null || line < 1 || line > all.length ? null : all[line - 1]
  }
}
