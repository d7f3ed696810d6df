/**
 * Merges the reports of matrix shards (one per package shard) into one report: races,
 * comparisons, profiles and problems are united, counts and the verdict recomputed. Pure.
 */
import type { ClassifiedRace, MetricComparison, Problem, Report } from '../domain/model.js'
import { decideVerdict, type VerdictPolicy } from '../verdict.js'

/** The action's default fail-on-* inputs. */
export const DEFAULT_POLICY: VerdictPolicy = {
  failOnNewRaces: true,
  failOnRaces: false,
  failOnRegression: true
}

/** The shards disagree about what they describe (different commits or repositories). */
export class ReportMergeError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ReportMergeError'
  }
}

const MAX_SAMPLES = 20

function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>()
  return items.filter((t) => {
    const k = key(t)
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

/** Problems for shards that are missing from a sharded set (their packages were never checked). */
function missingShards(reports: Report[]): Problem[] {
  const totals = new Set(
    reports.map((r) => r.shard?.total).filter((t): t is number => t !== undefined)
  )
  if (totals.size === 0) return []
  const total = Math.max(...totals)
  const have = new Set(reports.map((r) => r.shard?.index))
  const out: Problem[] = []
  for (let i = 1; i <= total; i++) {
    if (!have.has(i)) {
      out.push({
        kind: 'tool-error',
        side: null,
        package: null,
        message: `shard ${i}/${total} has no report (its job failed or its artifact is missing)`,
        blocking: true
      })
    }
  }
  return out
}

/** The fail-on-* settings a report was made with (input defaults for older reports). */
export function recordedPolicy(r: Report): VerdictPolicy {
  return {
    failOnNewRaces: r.settings.failOnNewRaces ?? DEFAULT_POLICY.failOnNewRaces,
    failOnRaces: r.settings.failOnRaces ?? DEFAULT_POLICY.failOnRaces,
    failOnRegression: r.settings.failOnRegression ?? DEFAULT_POLICY.failOnRegression
  }
}

/**
 * One report from several. The verdict follows `policy`, by default the fail-on-* settings the
 * (first) shard recorded, so report mode judges as the check jobs did. A single report is
 * returned as is unless a policy is given. Shards must describe the same repository and commit.
 */
export function mergeReports(reports: Report[], policy?: VerdictPolicy): Report {
  if (reports.length === 0) throw new ReportMergeError('no reports to merge')
  const sorted = [...reports].sort((a, b) => (a.shard?.index ?? 0) - (b.shard?.index ?? 0))
  const first = sorted[0]
  for (const r of sorted) {
    const same =
      r.repo.headSha === first.repo.headSha &&
      r.repo.owner === first.repo.owner &&
      r.repo.repo === first.repo.repo &&
      r.repo.prNumber === first.repo.prNumber
    if (!same) {
      throw new ReportMergeError(
        `reports describe different commits or PRs (${first.repo.headSha.slice(0, 12)} #${first.repo.prNumber} ` +
          `vs ${r.repo.headSha.slice(0, 12)} #${r.repo.prNumber})`
      )
    }
  }
  if (sorted.length === 1 && !policy) return first
  const judge = policy ?? recordedPolicy(first)

  const races = sorted.map((r) => r.races)
  const benches = sorted.map((r) => r.benchmarks)
  const raceItems = uniqueBy<ClassifiedRace>(
    races.flatMap((s) => s.items),
    (i) => `${i.class}|${i.race.fingerprint}`
  )
  const comparisons = uniqueBy<MetricComparison>(
    benches.flatMap((b) => b.comparisons),
    (c) => `${c.variant}|${c.package}|${c.benchmark}|${c.unit}`
  )
  const benchstatText: Record<string, string> = {}
  for (const b of benches) {
    for (const [variant, text] of Object.entries(b.benchstatText)) {
      benchstatText[variant] = benchstatText[variant] ? `${benchstatText[variant]}\n${text}` : text
    }
  }
  const corrections = [...new Set(benches.map((b) => b.correction).filter(Boolean))]
  const merged: Omit<Report, 'verdict'> = {
    ...first,
    shard: null,
    settings: {
      ...first.settings,
      ...judge,
      packages: [...new Set(sorted.flatMap((r) => r.settings.packages))]
    },
    races: {
      enabled: races.some((s) => s.enabled),
      items: raceItems,
      runs: races.flatMap((s) => s.runs),
      unparsed: races.reduce((n, s) => n + s.unparsed, 0),
      unparsedSamples: races.flatMap((s) => s.unparsedSamples).slice(0, MAX_SAMPLES)
    },
    benchmarks: {
      enabled: benches.some((b) => b.enabled),
      variants: [...new Set(benches.flatMap((b) => b.variants))],
      comparisons,
      profiles: benches.flatMap((b) => b.profiles),
      // Each shard corrected for its own comparisons; say so rather than pretend otherwise.
      correction:
        corrections.length > 1 || sorted.length > 1
          ? corrections.map((c) => `per shard: ${c}`).join('; ')
          : (corrections[0] ?? ''),
      unparsed: benches.reduce((n, b) => n + b.unparsed, 0),
      unparsedSamples: benches.flatMap((b) => b.unparsedSamples).slice(0, MAX_SAMPLES),
      benchstatText,
      rounds: Math.max(...benches.map((b) => b.rounds)),
      durationMs: Math.max(...benches.map((b) => b.durationMs))
    },
    problems: [...sorted.flatMap((r) => r.problems), ...missingShards(sorted)],
    artifact: first.artifact
  }
  const verdict = decideVerdict(merged, judge)
  return { ...merged, verdict }
}
