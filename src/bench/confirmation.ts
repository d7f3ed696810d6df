/**
 * Confirmation rounds: fresh rounds of just the suspect benchmarks, in the two looks of
 * confirm-looks.ts. Returns the fresh samples; gate.ts decides what they confirm.
 */
import type { MetricComparison } from '../domain/model.js'
import { restrictRuns, type SideRuns } from './calibrate.js'
import { confirmationPlan, droppedAtLook } from './confirm-looks.js'
import type { BenchContext, PackageTarget } from './context.js'
import type { MetricSamples } from './gate.js'
import { groupMetrics, metricKey } from './group.js'
import { measure, type RoundsResult } from './rounds.js'
import { writeSamples } from './artifacts.js'

/**
 * Fresh rounds of just the suspect benchmarks, in two looks (confirm-looks.ts): every suspect
 * benchmark gets the look's rounds, then those with a suspect left get the rest. Returns the
 * fresh samples keyed by suspect index and the suspects dropped at the look.
 */
export async function confirmSuspects(
  ctx: BenchContext,
  targets: PackageTarget[],
  metrics: MetricSamples[],
  suspects: number[],
  comparisons: MetricComparison[],
  runsOf: (t: PackageTarget) => SideRuns
): Promise<{
  byIndex: Map<number, MetricSamples>
  dropped: Set<number>
  rounds: RoundsResult
  files: string[]
}> {
  const { config } = ctx
  const plan = confirmationPlan(suspects.length, config.alpha, config.benchCount)
  const rounds: RoundsResult = { samples: [], failures: [], unparsed: [] }
  const first = await suspectRounds(ctx, targets, metrics, suspects, runsOf, {
    rounds: plan.look,
    firstRound: config.benchCount + 1
  })
  append(rounds, first)
  const soFar = freshFor(metrics, suspects, rounds)
  const dropped = droppedAtLook(comparisons, soFar)
  const left = suspects.filter((i) => !dropped.has(i))
  if (left.length > 0 && plan.total > plan.look) {
    append(
      rounds,
      await suspectRounds(ctx, targets, metrics, left, runsOf, {
        rounds: plan.total - plan.look,
        firstRound: config.benchCount + plan.look + 1
      })
    )
  }
  const byIndex = freshFor(metrics, suspects, rounds)
  // A dropped suspect keeps the look's samples, even when its benchmark ran on for another metric.
  for (const i of dropped) byIndex.set(i, soFar.get(i)!)
  const files = await writeSamples(ctx, rounds, 'confirm')
  return { byIndex, dropped, rounds, files }
}

/** Rounds of just the benchmarks of `suspects`, every variant that has one. */
async function suspectRounds(
  ctx: BenchContext,
  targets: PackageTarget[],
  metrics: MetricSamples[],
  suspects: number[],
  runsOf: (t: PackageTarget) => SideRuns,
  at: { rounds: number; firstRound: number }
): Promise<RoundsResult> {
  const names = new Map<string, Set<string>>() // variant|package → names
  for (const i of suspects) {
    const m = metrics[i]
    const k = JSON.stringify([m.variant, m.package])
    ;(names.get(k) ?? names.set(k, new Set()).get(k)!).add(m.benchmark)
  }
  const out: RoundsResult = { samples: [], failures: [], unparsed: [] }
  for (const variant of ctx.config.gcVariants) {
    const r = await measure(
      ctx,
      targets,
      at.rounds,
      at.firstRound,
      (t) => {
        const set = names.get(JSON.stringify([variant.label, t.importPath]))
        return set ? restrictRuns(runsOf(t), set) : { base: [], head: [] }
      },
      [variant]
    )
    append(out, r)
  }
  return out
}

/** The fresh samples of each suspect in `rounds`, keyed by suspect index. */
function freshFor(
  metrics: MetricSamples[],
  suspects: number[],
  rounds: RoundsResult
): Map<number, MetricSamples> {
  const fresh = new Map(groupMetrics(rounds.samples).metrics.map((m) => [metricKey(m), m]))
  const byIndex = new Map<number, MetricSamples>()
  for (const i of suspects) {
    const f = fresh.get(metricKey(metrics[i]))
    if (f) byIndex.set(i, f)
  }
  return byIndex
}

function append(to: RoundsResult, r: RoundsResult): void {
  to.samples.push(...r.samples)
  to.failures.push(...r.failures)
  to.unparsed.push(...r.unparsed)
}
