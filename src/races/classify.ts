/** Classification of races as new, existing, fixed or unclassified. Pure. */
import type { ClassifiedRace, Race, RaceClass, RunTally } from '../domain/model.js'

/** Everything one side (head or base) observed, over the initial run and confirmation runs. */
export interface SideRaces {
  /** Union of races seen in any run, by fingerprint. */
  races: Map<string, Race>
  /** In how many runs each fingerprint was seen. */
  seen: Map<string, number>
  /** How many full runs (all of the package's tests) covered each package. */
  runs: Map<string, number>
  /** How many confirmation runs (only the tests of that race) targeted each fingerprint. */
  confirmRuns: Map<string, number>
  /** Packages whose test binary did not build or did not finish (timeout, crash). */
  broken: Map<string, string>
}

export type BaseState =
  | { kind: 'none'; reason: string }
  | {
      kind: 'ran'
      side: SideRaces
      /** Packages that do not exist on base (their races are new by definition). */
      missing: Set<string>
    }

export interface ClassifyInput {
  head: SideRaces
  base: BaseState
}

const ORDER: Record<RaceClass, number> = { new: 0, existing: 1, fixed: 2, unclassified: 3 }

function tally(side: SideRaces | null, race: Race): RunTally {
  if (side === null) return { runs: 0, seen: 0 }
  const runs = (side.runs.get(race.package) ?? 0) + (side.confirmRuns.get(race.fingerprint) ?? 0)
  return { runs, seen: side.seen.get(race.fingerprint) ?? 0 }
}

function runsText(t: RunTally): string {
  return `${t.seen} of ${t.runs} run${t.runs === 1 ? '' : 's'}`
}

/**
 * Head races: `existing` if base saw them, `new` if base tested the package and never saw
 * them, `unclassified` when there is no base or base could not test the package. Base races
 * never seen on head: `fixed`, or `unclassified` when the head package did not build/finish.
 */
export function classifyRaces(input: ClassifyInput): ClassifiedRace[] {
  const { head, base } = input
  const baseSide = base.kind === 'ran' ? base.side : null
  const out: ClassifiedRace[] = []
  for (const race of head.races.values()) {
    const h = tally(head, race)
    const b = tally(baseSide, race)
    const item = (cls: RaceClass, reason: string | null): ClassifiedRace => ({
      class: cls,
      reason,
      race,
      head: h,
      base: b
    })
    if (base.kind === 'none') {
      out.push(item('unclassified', base.reason))
    } else if (base.missing.has(race.package)) {
      out.push(item('new', 'package does not exist on base'))
    } else if (base.side.races.has(race.fingerprint)) {
      out.push(item('existing', `seen on base in ${runsText(b)}`))
    } else if (base.side.broken.has(race.package)) {
      out.push(item('unclassified', `base package ${base.side.broken.get(race.package)}`))
    } else if (b.runs === 0) {
      out.push(item('unclassified', 'package not tested on base'))
    } else {
      out.push(item('new', `not seen on base in ${b.runs} run${b.runs === 1 ? '' : 's'}`))
    }
  }
  if (baseSide !== null) {
    for (const race of baseSide.races.values()) {
      if (head.races.has(race.fingerprint)) continue
      const h = tally(head, race)
      const b = tally(baseSide, race)
      const broken = head.broken.get(race.package)
      if (broken !== undefined) {
        out.push({
          class: 'unclassified',
          reason: `head package ${broken}`,
          race,
          head: h,
          base: b
        })
      } else if (h.runs === 0) {
        out.push({
          class: 'unclassified',
          reason: 'package not tested on head',
          race,
          head: h,
          base: b
        })
      } else {
        out.push({
          class: 'fixed',
          reason: `not seen on head in ${runsText(h)}`,
          race,
          head: h,
          base: b
        })
      }
    }
  }
  return out.sort(
    (x, y) =>
      ORDER[x.class] - ORDER[y.class] ||
      x.race.package.localeCompare(y.race.package) ||
      x.race.fingerprint.localeCompare(y.race.fingerprint)
  )
}
