/** Accumulates what one side saw over several runs, and turns parse results into problems. */
import type { Problem, Race, Side } from '../domain/model.js'
import type { SideRaces } from './classify.js'
import { collapseRaces, mergeInto } from './collapse.js'
import type { SourceLineReader } from './fingerprint.js'
import type { GoTestParseResult } from './parse-types.js'

export function emptySide(): SideRaces {
  return {
    races: new Map(),
    seen: new Map(),
    runs: new Map(),
    confirmRuns: new Map(),
    broken: new Map()
  }
}

export interface AbsorbOptions {
  /** Packages the run covered. */
  packages: readonly string[]
  /** When set, only races with these fingerprints are taken (confirmation runs). */
  only?: ReadonlySet<string>
  /** The process was killed at our deadline. */
  killed: boolean
}

/** Why a package's results cannot be trusted to be complete, or null. */
export function brokenReason(
  p: GoTestParseResult['packages'][number],
  killed: boolean
): string | null {
  if (p.buildFailed) return 'did not build'
  if (p.timedOut) return 'timed out'
  if (p.panics.length > 0) return 'crashed (panic)'
  if (killed && p.status === 'unknown') return 'did not finish before the deadline'
  return null
}

/** Adds one run's races (fingerprinted with `read`) to `side`. */
export async function absorbRun(
  side: SideRaces,
  parsed: GoTestParseResult,
  read: SourceLineReader,
  o: AbsorbOptions
): Promise<Race[]> {
  if (o.only === undefined)
    for (const p of o.packages) side.runs.set(p, (side.runs.get(p) ?? 0) + 1)
  else for (const fp of o.only) side.confirmRuns.set(fp, (side.confirmRuns.get(fp) ?? 0) + 1)
  for (const p of parsed.packages) {
    const why = brokenReason(p, o.killed)
    if (why !== null && !side.broken.has(p.package)) side.broken.set(p.package, why)
  }
  if (o.killed) {
    const reported = new Set(parsed.packages.map((p) => p.package))
    for (const p of o.packages) {
      if (!reported.has(p) && !side.broken.has(p))
        side.broken.set(p, 'did not finish before the deadline')
    }
  }
  const races = (await collapseRaces(parsed.races, read)).filter(
    (r) => o.only === undefined || o.only.has(r.fingerprint)
  )
  for (const r of races) {
    side.seen.set(r.fingerprint, (side.seen.get(r.fingerprint) ?? 0) + 1)
    const known = side.races.get(r.fingerprint)
    if (known === undefined) side.races.set(r.fingerprint, r)
    else mergeInto(known, r)
  }
  return races
}

const firstLines = (lines: string[], n: number): string => lines.slice(0, n).join('\n')

/**
 * Problems found in one run. Head build failures, timeouts and crashes block the verdict
 * (some tests never ran); on base they only make classification impossible for that package.
 */
export function problemsOf(side: Side, parsed: GoTestParseResult, killed: boolean): Problem[] {
  const out: Problem[] = []
  const blocking = side === 'head'
  for (const p of parsed.packages) {
    const pkg = p.package
    if (p.buildFailed) {
      const detail = p.buildOutput.length > 0 ? `:\n${firstLines(p.buildOutput, 10)}` : ''
      out.push({
        kind: 'build-failed',
        side,
        package: pkg,
        message: `${pkg} did not build${detail}`,
        blocking
      })
    }
    if (p.timedOut) {
      const msg = `${pkg}: ${p.timeoutMessage ?? 'test timed out'}`
      out.push({ kind: 'timeout', side, package: pkg, message: msg, blocking })
    } else if (killed && p.status === 'unknown') {
      const msg = `${pkg}: go test did not finish before the stage deadline`
      out.push({ kind: 'timeout', side, package: pkg, message: msg, blocking })
    }
    for (const pn of p.panics.slice(0, 3)) {
      const where = pn.test !== null ? ` in ${pn.test}` : ''
      out.push({
        kind: 'panic',
        side,
        package: pkg,
        message: `${pkg}${where}: ${pn.message}`,
        blocking
      })
    }
    // Failures not explained by the race detector (those are reported as races).
    const plain = p.failedTests.filter(
      (t) => !p.raceTests.includes(t) && !p.raceTests.some((r) => r.startsWith(`${t}/`))
    )
    if (plain.length > 0 && side === 'head') {
      const names = plain.slice(0, 10).join(', ') + (plain.length > 10 ? ', …' : '')
      out.push({
        kind: 'test-failed',
        side,
        package: pkg,
        message: `${pkg}: failed: ${names}`,
        blocking: false
      })
    }
  }
  return out
}
