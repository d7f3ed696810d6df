/** Turns parsed races of one side into fingerprinted `Race`s, merging equal fingerprints. */
import type { Race } from '../domain/model.js'
import { fingerprintRace, type SourceLineReader } from './fingerprint.js'
import type { RawRace } from './parse-types.js'

/**
 * Fingerprints every raw race (reading source lines through `read`) and merges those with
 * the same fingerprint: occurrences add up, tests are unioned, the first report is kept.
 */
export async function collapseRaces(
  raw: readonly RawRace[],
  read: SourceLineReader
): Promise<Race[]> {
  const byFp = new Map<string, Race>()
  for (const r of raw) {
    const { fingerprint, sourceLines } = await fingerprintRace(r.package, r.accesses, read)
    const seen = byFp.get(fingerprint)
    if (seen === undefined) {
      byFp.set(fingerprint, {
        fingerprint,
        package: r.package,
        tests: [...r.tests],
        outsideTest: r.outsideTest,
        accesses: r.accesses,
        goroutines: r.goroutines,
        occurrences: r.occurrences,
        sourceLines,
        ...(r.partial ? { partial: true } : {})
      })
      continue
    }
    mergeInto(seen, r)
  }
  return [...byFp.values()]
}

/** Adds another observation of the same race (same fingerprint) into `into`. */
export function mergeInto(
  into: Race,
  other: Pick<Race, 'tests' | 'outsideTest' | 'occurrences' | 'partial'>
): void {
  into.occurrences += other.occurrences
  for (const t of other.tests) if (!into.tests.includes(t)) into.tests.push(t)
  into.outsideTest = into.tests.length === 0 && (into.outsideTest || other.outsideTest)
  if (other.partial === true && into.partial !== true) into.partial = true
}

/** Top-level test names of the tests a race was seen in (`TestA/sub` → `TestA`). */
export function topLevelTests(tests: readonly string[]): string[] {
  return [...new Set(tests.map((t) => t.split('/')[0]))].sort()
}
