/**
 * The bench stage: build once per side, interleaved ABBA rounds per GC variant, benchmark format
 * files and benchstat per variant, the statistics gate (gate.ts), confirmation rounds for the
 * suspects, then profiles. Everything goes through the ports; nothing here decides the exit code.
 */
import type { Checkouts } from '../domain/checkouts.js'
import type { Config } from '../domain/config.js'
import type { BenchSection, Problem } from '../domain/model.js'
import type { FileSystem, Logger, ProcessRunner } from '../ports.js'
import { locateBenchmarks } from './sources.js'
import { benchstatFor, writeSamples } from './artifacts.js'
import { buildTargets } from './build.js'
import { calibrate } from './calibrate.js'
import { confirmSuspects } from './confirmation.js'
import type { BenchContext, PackageTarget } from './context.js'
import { confirm, screen, type GateSettings } from './gate.js'
import { failureProblems, groupMetrics } from './group.js'
import { collectProfiles } from './profiles.js'
import { resolutionNote } from './resolution.js'
import { measure } from './rounds.js'
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
    const fresh = await confirmSuspects(
      ctx,
      targets,
      grouped.metrics,
      screened.suspects,
      screened.comparisons,
      runsOf
    )
    files.push(...fresh.files)
    problems.push(...failureProblems(fresh.rounds.failures))
    unparsed.push(...fresh.rounds.unparsed)
    comparisons = confirm(screened, fresh.byIndex, settings, fresh.dropped)
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
