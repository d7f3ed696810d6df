/**
 * The bench stage: build once per side, interleaved ABBA rounds per GC variant, benchmark format
 * files and benchstat per variant, the statistics gate (gate.ts), confirmation rounds for the
 * suspects, then profiles. Everything goes through the ports; nothing here decides the exit code.
 */
import type { Checkouts } from '../domain/checkouts.js'
import type { Config, GcVariant } from '../domain/config.js'
import type { BenchSection, Problem } from '../domain/model.js'
import type { FileSystem, Logger, ProcessRunner } from '../ports.js'
import { locateBenchmarks } from './sources.js'
import { benchstatFor, writeSamples } from './artifacts.js'
import { buildTargets } from './build.js'
import { calibrate, restrictRuns, type SideRuns } from './calibrate.js'
import type { BenchContext, PackageTarget } from './context.js'
import {
  confirm,
  confirmationRounds,
  screen,
  type GateSettings,
  type MetricSamples
} from './gate.js'
import { failureProblems, groupMetrics, metricKey } from './group.js'
import { collectProfiles } from './profiles.js'
import { resolutionNote } from './resolution.js'
import { runRounds, type RoundsResult } from './rounds.js'
import { translateTestFlags } from './test-flags.js'

export interface BenchStageInput {
  config: Config
  checkouts: Checkouts
  /** Head import paths to benchmark (already sharded). */
  packages: string[]
  /** Where artifact files go. */
  outDir: string
}

export interface BenchStageDeps {
  runner: ProcessRunner
  logger: Logger
  fs: FileSystem
  /** Path of the benchstat binary (from ensureBenchstat). */
  benchstat: string
}

export interface BenchStageResult {
  section: BenchSection
  problems: Problem[]
  artifactFiles: string[]
}

const MAX_SAMPLES = 20

/** Runs the whole bench stage. */
export async function runBenchStage(
  input: BenchStageInput,
  deps: BenchStageDeps
): Promise<BenchStageResult> {
  const started = Date.now()
  const { config } = input
  const section = emptySection(config)
  const problems: Problem[] = []
  const files: string[] = []
  if (config.bench === '') return { section, problems, artifactFiles: files }
  section.enabled = true
  const ctx: BenchContext = { ...input, ...deps }
  const notes: string[] = (section.notes = [])
  if (!input.checkouts.baseDir) {
    // A note only: whether a missing base is a problem (and blocking) is the pipeline's call.
    notes.push(
      `benchmarks not compared: no base (${input.checkouts.baseUnavailableReason ?? 'unknown reason'})`
    )
  }
  const dropped = translateTestFlags(config.testFlags).dropped
  if (dropped.length)
    notes.push(
      `test-flags not passed to benchmark runs (the stage sets them): ${dropped.join(' ')}`
    )
  await deps.fs.mkdirp(input.outDir)

  const built = await deps.logger.group('Build benchmark binaries', () =>
    buildTargets(ctx, input.packages)
  )
  problems.push(...built.problems)
  notes.push(...built.notes)
  const targets = built.targets.filter((t) => t.base && t.head)
  if (targets.length === 0) {
    notes.push('no package has benchmarks on both sides: nothing to compare')
    section.durationMs = Date.now() - started
    return { section, problems, artifactFiles: files }
  }
  const settings: GateSettings = config
  const plan = await deps.logger.group('Calibrate iteration counts', () => calibrate(ctx, targets))
  notes.push(...plan.notes)
  const runsOf = (t: PackageTarget) => plan.runs.get(t.importPath) ?? { base: [], head: [] }
  const initial = await measure(ctx, targets, config.benchCount, 1, runsOf)
  initial.failures.unshift(...plan.failures)
  initial.unparsed.unshift(...plan.unparsed)
  files.push(...(await writeSamples(ctx, initial, 'initial')))
  problems.push(...failureProblems(initial.failures))
  for (const v of config.gcVariants) {
    const r = await benchstatFor(ctx, deps.benchstat, v, 'initial')
    section.benchstatText[v.label] = r.text
    files.push(...r.files)
    if (r.failure)
      problems.push({
        kind: 'tool-error',
        side: null,
        package: null,
        message: `benchstat (${v.label}): ${r.failure}`,
        blocking: true
      })
  }

  const grouped = groupMetrics(initial.samples)
  notes.push(...grouped.notes)
  const screened = screen(grouped.metrics, settings)
  section.correction = screened.correction
  let comparisons = screened.comparisons
  const unparsed = [...initial.unparsed]
  if (screened.suspects.length > 0) {
    const fresh = await confirmSuspects(ctx, targets, grouped.metrics, screened.suspects, runsOf)
    files.push(...fresh.files)
    problems.push(...failureProblems(fresh.rounds.failures))
    unparsed.push(...fresh.rounds.unparsed)
    comparisons = confirm(screened, fresh.byIndex, settings)
  }
  comparisons = await locateBenchmarks(comparisons, targets, {
    moduleDir: input.checkouts.headDir,
    fs: deps.fs
  })
  section.comparisons = comparisons
  const resolution = resolutionNote(comparisons)
  if (resolution) notes.push(resolution)
  section.rounds = config.benchCount
  section.unparsed = unparsed.length
  section.unparsedSamples = unparsed.slice(0, MAX_SAMPLES)

  const regressed = new Map<string, string[]>()
  for (const c of comparisons) {
    if (c.verdict !== 'regression') continue
    const list = regressed.get(c.package) ?? []
    if (!list.includes(c.benchmark)) list.push(c.benchmark)
    regressed.set(c.package, list)
  }
  const prof = await deps.logger.group('Profiles', () =>
    collectProfiles(ctx, { targets, regressed })
  )
  section.profiles = prof.profiles
  files.push(...prof.files)
  problems.push(...prof.problems)
  section.durationMs = Date.now() - started
  return { section, problems, artifactFiles: files }
}

/** Runs `rounds` interleaved rounds of every variant. */
async function measure(
  ctx: BenchContext,
  targets: PackageTarget[],
  rounds: number,
  firstRound: number,
  runs: (t: PackageTarget) => SideRuns,
  variants: readonly GcVariant[] = ctx.config.gcVariants
): Promise<RoundsResult> {
  const all: RoundsResult = { samples: [], failures: [], unparsed: [] }
  for (const variant of variants) {
    const work = targets
      .map((target) => ({ target, runs: runs(target) }))
      .filter((w) => w.runs.base.length + w.runs.head.length > 0)
    if (work.length === 0) continue
    const r = await ctx.logger.group(`Benchmarks ${variant.label}: ${rounds} rounds`, () =>
      runRounds(ctx, { variant, work, rounds, firstRound })
    )
    all.samples.push(...r.samples)
    all.failures.push(...r.failures)
    all.unparsed.push(...r.unparsed)
  }
  return all
}

/** Fresh rounds of just the suspect benchmarks; returns samples keyed by suspect index. */
async function confirmSuspects(
  ctx: BenchContext,
  targets: PackageTarget[],
  metrics: MetricSamples[],
  suspects: number[],
  runsOf: (t: PackageTarget) => SideRuns
): Promise<{ byIndex: Map<number, MetricSamples>; rounds: RoundsResult; files: string[] }> {
  const names = new Map<string, Set<string>>() // variant|package → names
  for (const i of suspects) {
    const m = metrics[i]
    const k = JSON.stringify([m.variant, m.package])
    ;(names.get(k) ?? names.set(k, new Set()).get(k)!).add(m.benchmark)
  }
  const n = confirmationRounds(suspects.length, ctx.config.alpha, ctx.config.benchCount)
  const rounds: RoundsResult = { samples: [], failures: [], unparsed: [] }
  for (const variant of ctx.config.gcVariants) {
    const r = await measure(
      ctx,
      targets,
      n,
      ctx.config.benchCount + 1,
      (t) => {
        const set = names.get(JSON.stringify([variant.label, t.importPath]))
        return set ? restrictRuns(runsOf(t), set) : { base: [], head: [] }
      },
      [variant]
    )
    rounds.samples.push(...r.samples)
    rounds.failures.push(...r.failures)
    rounds.unparsed.push(...r.unparsed)
  }
  const files = await writeSamples(ctx, rounds, 'confirm')
  const fresh = new Map(groupMetrics(rounds.samples).metrics.map((m) => [metricKey(m), m]))
  const byIndex = new Map<number, MetricSamples>()
  for (const i of suspects) {
    const f = fresh.get(metricKey(metrics[i]))
    if (f) byIndex.set(i, f)
  }
  return { byIndex, rounds, files }
}

function emptySection(config: Config): BenchSection & { notes: string[] } {
  return {
    enabled: false,
    variants: config.gcVariants.map((v) => v.label),
    comparisons: [],
    profiles: [],
    correction: '',
    unparsed: 0,
    unparsedSamples: [],
    benchstatText: {},
    rounds: 0,
    durationMs: 0,
    notes: []
  }
}
