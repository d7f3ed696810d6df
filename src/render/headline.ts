/**
 * The verdict and its reason in one line, shared by the comment, the summary and the log line.
 * The numbers come from `verdict.counts`; only an `incomplete` verdict quotes a reason string
 * (which may name a package, so callers escape it for where it lands).
 */
import type { Report, VerdictStatus } from '../domain/model.js'
import { plural } from './markdown.js'

export const VERDICT_ICON: Record<VerdictStatus, string> = {
  pass: '✅',
  fail: '❌',
  incomplete: '⚠️'
}

/** Plain phrases, most important first: "1 new data race", "2 regressions", "3 fixed races". */
export function countPhrases(report: Report): string[] {
  const c = report.verdict.counts
  const phrases: Array<[number, string]> = [
    [c.newRaces, plural(c.newRaces, 'new data race')],
    [c.regressions, plural(c.regressions, 'regression')],
    [c.fixedRaces, plural(c.fixedRaces, 'fixed race')],
    [c.improvements, plural(c.improvements, 'improvement')],
    [c.existingRaces, plural(c.existingRaces, 'pre-existing race')],
    [c.unclassifiedRaces, plural(c.unclassifiedRaces, 'unclassified race')]
  ]
  // An incomplete headline already names the blocking problem; otherwise count them here.
  if (report.verdict.status !== 'incomplete') {
    const blocking = report.problems.filter((p) => p.blocking).length
    phrases.splice(2, 0, [blocking, plural(blocking, 'blocking problem')])
  }
  return phrases.filter(([n]) => Number.isFinite(n) && n > 0).map(([, p]) => p)
}

/** "No new races, no regressions" adapted to what was checked. */
function cleanPhrase(report: Report): string {
  const races = report.races.enabled
  const bench = report.benchmarks.enabled
  if (races && bench) return 'No new races, no regressions'
  if (races) return 'No new races'
  if (bench) return 'No regressions'
  return 'Nothing was checked'
}

/** The reason an incomplete run is incomplete (untrusted text: escape before use). */
export function incompleteReason(report: Report): string {
  const reason = report.verdict.reasons.find((r) => r.trim() !== '')
  if (reason) return reason
  const p = report.problems.find((x) => x.blocking)
  if (!p) return 'the run did not finish'
  return `${p.kind}${p.side ? ` on ${p.side}` : ''}${p.package ? ` in ${p.package}` : ''}`
}

export interface HeadlineParts {
  status: VerdictStatus
  /** Already-safe lead phrase (our own words), e.g. "No new races, no regressions". */
  lead: string | null
  /** Untrusted reason of an incomplete run. */
  reason: string | null
  /** Count phrases (our own words). */
  phrases: string[]
  /** True when new races or regressions were found but the settings let the build pass. */
  tolerated: boolean
}

export function headlineParts(report: Report): HeadlineParts {
  const status = report.verdict.status
  const phrases = countPhrases(report)
  const c = report.verdict.counts
  const serious = c.newRaces > 0 || c.regressions > 0
  if (status === 'incomplete') {
    return { status, lead: null, reason: incompleteReason(report), phrases, tolerated: false }
  }
  if (status === 'pass' && !serious) {
    return { status, lead: cleanPhrase(report), reason: null, phrases, tolerated: false }
  }
  return { status, lead: null, reason: null, phrases, tolerated: status === 'pass' && serious }
}
