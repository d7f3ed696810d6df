import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { nodeFileSystem } from './adapters/node-fs.js'
import { NodeProcessRunner } from './adapters/process-runner.js'
import { TerminalLogger } from './adapters/terminal-logger.js'
import { ensureBenchstat } from './bench/benchstat.js'
import { runBenchStage } from './bench/stage.js'
import { CLI_USAGE, parseCliArgs } from './cli-args.js'
import { parseConfig } from './config/parse-config.js'
import type { RunContext } from './domain/context.js'
import { ConfigError } from './domain/errors.js'
import { runCheck } from './pipeline.js'
import { runRaceStage } from './races/stage.js'
import { renderSummary } from './render/summary.js'
import { renderVerdictLine } from './render/verdict-line.js'
import {
  benchstatBinDir,
  createHttpPort,
  createLocalEnvPort,
  createToolCachePort,
  setupGo
} from './toolchain/index.js'

/**
 * `go-race-gc-guard` from a terminal: the same pipeline as the action, with no GitHub. Prints
 * the markdown report on stdout, progress on stderr, writes the JSON report; exit 0 on pass,
 * 1 on fail or incomplete, 2 on bad usage.
 */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let opts
  try {
    opts = parseCliArgs(argv)
  } catch (e) {
    process.stderr.write(`go-race-gc-guard: ${(e as Error).message}\n`)
    return 2
  }
  if (opts.help) {
    process.stdout.write(`${CLI_USAGE}\n`)
    return 0
  }
  let config
  try {
    // No GitHub here: nothing to comment on, no cache service, no artifact service.
    config = parseConfig({ comment: 'false', cache: 'false', ...opts.inputs })
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e
    process.stderr.write(
      `go-race-gc-guard: invalid flags:\n${e.problems.map((p) => `  --${p}`).join('\n')}\n`
    )
    return 2
  }
  const logger = new TerminalLogger()
  const runner = new NodeProcessRunner(env, { write: (s) => logger.output(s) })
  const fs = nodeFileSystem
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'go-race-gc-guard-'))
  const ctx: RunContext = {
    eventName: 'local',
    payload: {},
    workspace: path.resolve(opts.dir),
    tempDir,
    serverUrl: 'https://github.com',
    apiUrl: '',
    owner: '',
    repo: '',
    runId: '',
    runAttempt: '1',
    job: 'local',
    sha: ''
  }
  const platform = { platform: process.platform, arch: process.arch }
  const result = await runCheck(config, ctx, {
    runner,
    logger,
    fs,
    setupGo: () =>
      setupGo(
        { config, workspace: ctx.workspace },
        {
          runner,
          logger,
          // Downloaded Go versions are kept between CLI runs, like a runner's tool cache.
          toolCache: createToolCachePort({
            ...env,
            RUNNER_TEMP: tempDir,
            RUNNER_TOOL_CACHE:
              env.RUNNER_TOOL_CACHE ||
              path.join(os.homedir(), '.cache', 'go-race-gc-guard', 'tool-cache')
          }),
          http: createHttpPort(),
          actionsEnv: createLocalEnvPort(env),
          env,
          ...platform
        }
      ),
    restoreCache: async () => async () => {},
    raceStage: (input) => runRaceStage(input, { runner, logger, fs }),
    benchStage: async (input) => {
      const benchstat = await ensureBenchstat(
        { runner, logger, fs },
        { goVersion: input.goVersion, binDir: benchstatBinDir(env, input.goVersion) }
      )
      return runBenchStage(input, { runner, logger, fs, benchstat })
    }
  })
  writeFileSync(opts.out, JSON.stringify(result.report, null, 2))
  process.stdout.write(`${renderSummary(result.report)}\n`)
  process.stderr.write(
    `\nJSON report: ${path.resolve(opts.out)}\nBenchmark files and profiles: ${result.outDir}\n`
  )
  process.stderr.write(`${renderVerdictLine(result.report)}\n`)
  return result.report.verdict.status === 'pass' ? 0 : 1
}
