/**
 * The race stage: `go test -race` on head, the affected packages on base, confirmation
 * re-runs, then classification into new / existing / fixed / unclassified.
 */
import type { Checkouts } from '../domain/checkouts.js'
import type { Config } from '../domain/config.js'
import type { Problem, Race, RaceRunRecord, RaceSection, Side } from '../domain/model.js'
import type { FileSystem, Logger, ProcessRunner } from '../ports.js'
import { selectBasePackages } from './base-packages.js'
import { classifyRaces, type BaseState, type SideRaces } from './classify.js'
import { topLevelTests } from './collapse.js'
import { cachedSourceReader, type SourceLineReader } from './fingerprint.js'
import { runPattern } from './go-test-args.js'
import { absorbRun, emptySide, problemsOf } from './side-state.js'
import { runGoTestRace } from './side-run.js'

export interface RaceStageInput {
  config: Config
  checkouts: Checkouts
  /** Head import paths, already sharded. */
  packages: string[]
}

export interface RaceStageDeps {
  runner: ProcessRunner
  logger: Logger
  fs: FileSystem
}

const MAX_SAMPLES = 20

interface StageContext {
  input: RaceStageInput
  deps: RaceStageDeps
  runs: RaceRunRecord[]
  problems: Problem[]
  unparsed: { count: number; samples: string[] }
}

/** Runs the race stage; never throws for test failures, only for programming errors. */
export async function runRaceStage(
  input: RaceStageInput,
  deps: RaceStageDeps
): Promise<{ section: RaceSection; problems: Problem[] }> {
  const ctx: StageContext = {
    input,
    deps,
    runs: [],
    problems: [],
    unparsed: { count: 0, samples: [] }
  }
  const section = (items: RaceSection['items']): RaceSection => ({
    enabled: input.config.race,
    items,
    runs: ctx.runs,
    unparsed: ctx.unparsed.count,
    unparsedSamples: ctx.unparsed.samples
  })
  if (!input.config.race || input.packages.length === 0)
    return { section: section([]), problems: [] }

  const { checkouts } = input
  const headRead = cachedSourceReader(checkouts.headDir, (p) => deps.fs.readFile(p))
  const head = emptySide()
  await runSide(ctx, {
    side: 'head',
    dir: checkouts.headDir,
    packages: input.packages,
    read: headRead,
    target: head
  })

  const base = await runBase(ctx, head)
  if (base.kind === 'ran' && input.config.raceConfirm > 0) {
    await confirm(ctx, base, head, headRead)
  }
  return { section: section(classifyRaces({ head, base })), problems: ctx.problems }
}

interface RunSideOptions {
  side: Side
  dir: string
  packages: string[]
  read: SourceLineReader
  target: SideRaces
  run?: string | null
  only?: ReadonlySet<string>
}

async function runSide(ctx: StageContext, o: RunSideOptions): Promise<void> {
  const purpose = o.only === undefined ? 'initial' : 'confirm'
  const out = await runGoTestRace(
    {
      config: ctx.input.config,
      side: o.side,
      purpose,
      dir: o.dir,
      packages: o.packages,
      run: o.run ?? null
    },
    ctx.deps
  )
  ctx.runs.push(out.record)
  const { parsed } = out
  ctx.unparsed.count += parsed.unparsed
  for (const s of parsed.unparsedSamples) {
    if (ctx.unparsed.samples.length < MAX_SAMPLES) ctx.unparsed.samples.push(s)
  }
  if (purpose === 'initial') ctx.problems.push(...problemsOf(o.side, parsed, out.killed))
  const unknown = Object.entries(parsed.unknownActions)
  if (unknown.length > 0) {
    const list = unknown.map(([a, n]) => `${a} x${n}`).join(', ')
    ctx.deps.logger.info(`go test -json: unknown actions (output still scanned): ${list}`)
  }
  const silent = parsed.packages.length === 0 && parsed.races.length === 0
  if (silent && out.record.exitCode !== 0) {
    const tail = parsed.stderrTail.slice(-10).join('\n')
    ctx.problems.push({
      kind: 'tool-error',
      side: o.side,
      package: null,
      message: `go test (${o.side}, ${purpose}) produced no results, exit ${out.record.exitCode}${tail ? `:\n${tail}` : ''}`,
      blocking: o.side === 'head'
    })
  }
  await absorbRun(o.target, parsed, o.read, {
    packages: o.packages,
    only: o.only,
    killed: out.killed
  })
  if (silent && out.record.exitCode !== 0) {
    for (const p of o.packages)
      if (!o.target.broken.has(p)) o.target.broken.set(p, 'produced no results')
  }
}

async function runBase(ctx: StageContext, head: SideRaces): Promise<BaseState> {
  const { checkouts, config } = ctx.input
  if (checkouts.baseDir === null) {
    return {
      kind: 'none',
      reason: `no base: ${checkouts.baseUnavailableReason ?? 'base commit unavailable'}`
    }
  }
  if (config.raceBase === 'off') return { kind: 'none', reason: 'race-base: off' }
  const { present, missing } = await selectBasePackages(
    {
      config,
      checkouts,
      packages: ctx.input.packages,
      raced: [...head.races.values()].map((r) => r.package)
    },
    ctx.deps
  )
  const side = emptySide()
  if (present.length > 0) {
    const read = cachedSourceReader(checkouts.baseDir, (p) => ctx.deps.fs.readFile(p))
    await runSide(ctx, {
      side: 'base',
      dir: checkouts.baseDir,
      packages: present,
      read,
      target: side
    })
  }
  return { kind: 'ran', side, missing }
}

/** Re-runs, on `dir`, just the tests where `races` were seen, `raceConfirm` times. */
async function confirmOn(
  ctx: StageContext,
  o: { side: Side; dir: string; races: Race[]; read: SourceLineReader; target: SideRaces }
): Promise<void> {
  if (o.races.length === 0) return
  const packages = [...new Set(o.races.map((r) => r.package))].sort()
  const run = runPattern(topLevelTests(o.races.flatMap((r) => r.tests)))
  const only = new Set(o.races.map((r) => r.fingerprint))
  for (let i = 0; i < ctx.input.config.raceConfirm; i++) {
    await runSide(ctx, {
      side: o.side,
      dir: o.dir,
      packages,
      read: o.read,
      target: o.target,
      run,
      only
    })
  }
}

async function confirm(
  ctx: StageContext,
  base: Extract<BaseState, { kind: 'ran' }>,
  head: SideRaces,
  headRead: SourceLineReader
): Promise<void> {
  const baseDir = ctx.input.checkouts.baseDir as string
  const ran = (p: string): boolean => (base.side.runs.get(p) ?? 0) > 0
  const headOnly = [...head.races.values()].filter(
    (r) =>
      !base.side.races.has(r.fingerprint) &&
      ran(r.package) &&
      !base.side.broken.has(r.package) &&
      !base.missing.has(r.package)
  )
  const baseRead = cachedSourceReader(baseDir, (p) => ctx.deps.fs.readFile(p))
  await confirmOn(ctx, {
    side: 'base',
    dir: baseDir,
    races: headOnly,
    read: baseRead,
    target: base.side
  })
  // Only real packages of this run: a report found in stray text has no package to re-run.
  const tested = new Set(ctx.input.packages)
  const baseOnly = [...base.side.races.values()].filter(
    (r) => !head.races.has(r.fingerprint) && !head.broken.has(r.package) && tested.has(r.package)
  )
  const headDir = ctx.input.checkouts.headDir
  await confirmOn(ctx, {
    side: 'head',
    dir: headDir,
    races: baseOnly,
    read: headRead,
    target: head
  })
}
