import * as core from '@actions/core'
import path from 'node:path'
import { StopCommandsSink, ActionsLogger } from './adapters/actions-logger.js'
import { nodeFileSystem } from './adapters/node-fs.js'
import { NodeProcessRunner } from './adapters/process-runner.js'
import { runContextFromEnv } from './adapters/run-context.js'
import { ensureBenchstat } from './bench/benchstat.js'
import { runBenchStage } from './bench/stage.js'
import { readRawInputs } from './config/read-inputs.js'
import { parseConfig } from './config/parse-config.js'
import type { Config } from './domain/config.js'
import type { RunContext } from './domain/context.js'
import { ConfigError } from './domain/errors.js'
import type { Report } from './domain/model.js'
import { createGitHubPublisher } from './adapters/github-publisher.js'
import { runReportMode } from './github/report-mode.js'
import { runCheck, type CheckDeps } from './pipeline.js'
import { publishReport } from './publish.js'
import { runRaceStage } from './races/stage.js'
import { renderVerdictLine } from './render/verdict-line.js'
import {
  benchstatBinDir,
  createActionsEnvPort,
  createCachePort,
  createHttpPort,
  createToolCachePort,
  restoreGoCache,
  saveGoCache,
  setupGo
} from './toolchain/index.js'

/** Wires the real adapters into the check pipeline. */
function checkDeps(
  config: Config,
  ctx: RunContext,
  env: NodeJS.ProcessEnv,
  logger: ActionsLogger
): CheckDeps {
  // The runner re-reads `env` for every process, so PATH and GOTOOLCHAIN set by setupGo apply.
  const runner = new NodeProcessRunner(env, new StopCommandsSink())
  const fs = nodeFileSystem
  const platform = { platform: process.platform, arch: process.arch }
  return {
    runner,
    logger,
    fs,
    setupGo: () =>
      setupGo(
        { config, workspace: ctx.workspace },
        {
          runner,
          logger,
          toolCache: createToolCachePort(env),
          http: createHttpPort(),
          actionsEnv: createActionsEnvPort(),
          env,
          ...platform
        }
      ),
    restoreCache: async (goVersion) => {
      const cacheDeps = { runner, logger, cache: createCachePort(), ...platform }
      const state = await restoreGoCache(
        {
          config,
          workspace: ctx.workspace,
          goVersion,
          extraPaths: [benchstatBinDir(env, goVersion)]
        },
        cacheDeps
      )
      return async () => {
        await saveGoCache(state, cacheDeps)
      }
    },
    raceStage: (input) => runRaceStage(input, { runner, logger, fs }),
    benchStage: async (input) => {
      const benchstat = await ensureBenchstat(
        { runner, logger, fs },
        { goVersion: input.goVersion, binDir: benchstatBinDir(env, input.goVersion) }
      )
      return runBenchStage(input, { runner, logger, fs, benchstat })
    }
  }
}

/** The action's entry point. The only place that decides the exit status. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const logger = new ActionsLogger()
  let config: Config
  try {
    config = parseConfig(readRawInputs(env))
  } catch (e) {
    if (e instanceof ConfigError) {
      core.setFailed(
        `Invalid input (nothing was run):\n${e.problems.map((p) => `  ${p}`).join('\n')}`
      )
      return
    }
    throw e
  }
  try {
    const ctx = runContextFromEnv(env)
    const publisher = createGitHubPublisher({ config, ctx, logger })
    let report: Report
    let files: string[] = []
    let outDir = path.join(ctx.tempDir, 'go-race-gc-guard')
    if (config.mode === 'report') {
      report = await runReportMode({ config, ctx, env, logger, outDir })
    } else {
      const result = await runCheck(config, ctx, checkDeps(config, ctx, env, logger))
      report = result.report
      files = result.files
      outDir = result.outDir
    }
    const reportPath = path.join(outDir, 'report.json')
    const published = await publishReport(
      report,
      { config, files, outDir, reportPath },
      { publisher, logger }
    )
    const { status, reasons } = published.report.verdict
    if (status !== 'pass') core.setFailed(`go-race-gc-guard: ${status}: ${reasons.join('; ')}`)
    // The log ends with a plain verdict line.
    core.info(renderVerdictLine(published.report))
  } catch (e) {
    const err = e as Error
    core.setOutput('verdict', 'incomplete')
    core.setFailed(`go-race-gc-guard: ${err.name === 'Error' ? '' : `${err.name}: `}${err.message}`)
    if (err.stack) core.debug(err.stack)
  }
}
