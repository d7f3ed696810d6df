import path from 'node:path'
import type { Checkouts } from './domain/checkouts.js'
import type { Config } from './domain/config.js'
import type { RunContext } from './domain/context.js'
import type { BenchSection, Problem, RaceSection, Report } from './domain/model.js'
import { prepareCheckouts } from './git/checkouts.js'
import { Git } from './git/git.js'
import { listTestPackages, selectShard } from './packages.js'
import type { FileSystem, Logger, ProcessRunner } from './ports.js'
import { buildReport, emptyBenchSection, emptyRaceSection } from './report.js'
import { assertSafeToRunGo } from './safety.js'

export interface StageInput {
  config: Config
  checkouts: Checkouts
  /** Head import paths with tests, already sharded. */
  packages: string[]
}

/** The stages and I/O the check pipeline needs; main.ts and cli.ts wire the real ones. */
export interface CheckDeps {
  runner: ProcessRunner
  logger: Logger
  fs: FileSystem
  /** Installs or finds Go, puts it on PATH; returns the version (e.g. `1.26.8`). */
  setupGo(): Promise<{ version: string }>
  /** Restores the Go build/module cache; returns a function that saves it at the end. */
  restoreCache(goVersion: string, moduleDir: string): Promise<() => Promise<void>>
  raceStage(input: StageInput): Promise<{ section: RaceSection; problems: Problem[] }>
  benchStage(
    input: StageInput & { outDir: string; goVersion: string }
  ): Promise<{ section: BenchSection; problems: Problem[]; artifactFiles: string[] }>
}

export interface CheckResult {
  report: Report
  /** Directory holding report.json, benchmark files and profiles: the artifact root. */
  outDir: string
  /** Files to upload, all under outDir. */
  files: string[]
}

const ZERO = /^0+$/

/** Whether the event promises a base, so that its absence makes the run incomplete. */
function baseExpected(ctx: RunContext, config: Config): boolean {
  if (config.baseRef !== '') return true
  if (ctx.eventName.startsWith('pull_request')) return true
  const before = ctx.payload.before
  return ctx.eventName === 'push' && typeof before === 'string' && !ZERO.test(before)
}

/**
 * config → toolchain → checkouts → packages → races → benchmarks → report. Decides nothing
 * about the exit status: the report's verdict goes back to the caller.
 */
export async function runCheck(
  config: Config,
  ctx: RunContext,
  deps: CheckDeps
): Promise<CheckResult> {
  const { logger } = deps
  const git = new Git(deps.runner, ctx.workspace)
  const head = await git.out(['rev-parse', 'HEAD'])
  const raw = await git.raw(['cat-file', '-p', head])
  const parents = [...raw.stdout.matchAll(/^parent ([0-9a-f]+)$/gm)].map((m) => m[1])
  assertSafeToRunGo(ctx, { sha: head, parents })

  const go = await logger.group('Set up Go', () => deps.setupGo())
  const moduleDir = path.join(ctx.workspace, config.workingDirectory)
  const saveCache = config.cache
    ? await logger.group('Restore Go cache', () => deps.restoreCache(go.version, moduleDir))
    : async () => {}
  const benchOn = config.bench !== ''
  const wantBase = (config.race && config.raceBase !== 'off') || benchOn
  const prepared = await logger.group('Prepare base checkout', () =>
    prepareCheckouts(
      { ctx, workingDirectory: config.workingDirectory, baseRef: config.baseRef, wantBase },
      deps
    )
  )
  const { checkouts } = prepared
  const problems: Problem[] = []
  if (wantBase && !checkouts.baseDir && baseExpected(ctx, config)) {
    problems.push({
      kind: 'base-unavailable',
      side: 'base',
      package: null,
      message: `base unavailable: ${checkouts.baseUnavailableReason}`,
      blocking: true
    })
  }
  const outDir = path.join(ctx.tempDir, 'go-race-gc-guard')
  await deps.fs.mkdirp(outDir)
  try {
    const listed = await logger.group('List packages', () =>
      listTestPackages(deps.runner, {
        dir: checkouts.headDir,
        patterns: config.packages,
        buildFlags: config.buildFlags
      })
    )
    problems.push(...listed.problems)
    const packages = selectShard(
      listed.packages.map((p) => p.importPath),
      config.shard
    )
    logger.info(
      `${packages.length} package(s) with tests${config.shard ? ` in shard ${config.shard.index}/${config.shard.total}` : ''}`
    )
    const input: StageInput = { config, checkouts, packages }
    let races = emptyRaceSection(false)
    if (config.race) {
      const r = await logger.group('Race detector', () => deps.raceStage(input))
      races = r.section
      problems.push(...r.problems)
    }
    let benchmarks = emptyBenchSection(false)
    let files: string[] = []
    if (benchOn) {
      const b = await logger.group('Benchmarks', () =>
        deps.benchStage({ ...input, outDir, goVersion: go.version })
      )
      benchmarks = b.section
      problems.push(...b.problems)
      files = b.artifactFiles
    }
    const report = buildReport({
      config,
      ctx,
      checkouts,
      goVersion: go.version,
      races,
      benchmarks,
      problems
    })
    const reportPath = path.join(outDir, 'report.json')
    await deps.fs.writeFile(reportPath, JSON.stringify(report, null, 2))
    return { report, outDir, files: [reportPath, ...files] }
  } finally {
    await prepared.cleanup()
    await saveCache()
  }
}
