import type { BenchSection, Counts, Problem, RaceSection, Verdict } from './domain/model.js'

export interface VerdictPolicy {
  failOnNewRaces: boolean
  failOnRaces: boolean
  failOnRegression: boolean
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

export function countResults(races: RaceSection, benchmarks: BenchSection): Counts {
  const cls = (c: string): number => races.items.filter((r) => r.class === c).length
  // Counted per benchmark, not per metric: one benchmark that allocates in a loop regresses in
  // B/op, allocs/op and three GC metrics under every GC variant, and is still one regression.
  // A suspect that extra rounds did not confirm is not a change.
  const changes = (v: string): number =>
    new Set(
      benchmarks.comparisons
        .filter((c) => c.verdict === v && c.confirmed !== false)
        .map((c) => `${c.package}\u0000${c.benchmark}`)
    ).size
  return {
    newRaces: cls('new'),
    existingRaces: cls('existing'),
    fixedRaces: cls('fixed'),
    unclassifiedRaces: cls('unclassified'),
    regressions: changes('regression'),
    improvements: changes('improvement')
  }
}

/**
 * The verdict. `fail` when a fail-on-* input says so; otherwise `incomplete` when a blocking
 * problem (build failure, timeout, base unavailable when needed) leaves the result unknown;
 * otherwise `pass`. A definite failure outranks an incomplete run: it is already known to be bad.
 */
export function decideVerdict(
  input: { races: RaceSection; benchmarks: BenchSection; problems: Problem[] },
  policy: VerdictPolicy
): Verdict {
  const counts = countResults(input.races, input.benchmarks)
  const failing: string[] = []
  if (counts.newRaces > 0 && (policy.failOnNewRaces || policy.failOnRaces)) {
    failing.push(plural(counts.newRaces, 'new data race'))
  }
  if (policy.failOnRaces) {
    const other = counts.existingRaces + counts.unclassifiedRaces
    if (other > 0) failing.push(plural(other, 'other data race') + ' (fail-on-races)')
  }
  if (counts.regressions > 0 && policy.failOnRegression)
    failing.push(plural(counts.regressions, 'regression'))

  const blocking = input.problems.filter((p) => p.blocking)
  const incomplete = blocking.map((p) => (p.package ? `${p.package}: ${p.message}` : p.message))

  const info: string[] = []
  if (counts.newRaces > 0 && !failing.some((f) => f.includes('new data race'))) {
    info.push(plural(counts.newRaces, 'new data race'))
  }
  if (counts.regressions > 0 && !policy.failOnRegression)
    info.push(plural(counts.regressions, 'regression'))
  if (counts.fixedRaces > 0) info.push(plural(counts.fixedRaces, 'fixed race'))
  if (counts.existingRaces > 0 && !policy.failOnRaces)
    info.push(plural(counts.existingRaces, 'pre-existing race'))
  if (counts.unclassifiedRaces > 0 && !policy.failOnRaces) {
    info.push(plural(counts.unclassifiedRaces, 'unclassified race'))
  }
  if (counts.improvements > 0) info.push(plural(counts.improvements, 'improvement'))

  const status = failing.length > 0 ? 'fail' : incomplete.length > 0 ? 'incomplete' : 'pass'
  return { status, reasons: [...failing, ...incomplete, ...info], counts }
}
