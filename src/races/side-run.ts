/** One `go test -race -json` invocation on one side, streamed into the parser. */
import type { Config } from '../domain/config.js'
import type { RaceRunRecord, Side } from '../domain/model.js'
import type { Logger, ProcessRunner } from '../ports.js'
import { GoTestJsonParser } from './go-test-json.js'
import { DEADLINE_MARGIN_MS, goTestArgs, raceEnv } from './go-test-args.js'
import type { GoTestParseResult } from './parse-types.js'

export interface SideRunInput {
  config: Config
  side: Side
  purpose: RaceRunRecord['purpose']
  /** Module root of the checkout (cwd, and the root for module-relative paths). */
  dir: string
  packages: string[]
  run: string | null
}

export interface SideRunOutput {
  parsed: GoTestParseResult
  record: RaceRunRecord
  /** The process hit our own deadline (not go test's `-timeout`). */
  killed: boolean
}

/** Runs `go test -race -json` and parses stdout and stderr as they stream. */
export async function runGoTestRace(
  input: SideRunInput,
  deps: { runner: ProcessRunner; logger: Logger }
): Promise<SideRunOutput> {
  const { config } = input
  const parser = new GoTestJsonParser({ moduleRoot: input.dir })
  const args = goTestArgs({
    config,
    packages: input.packages,
    count: countFor(input),
    run: input.run
  })
  deps.logger.info(`${input.side} ${input.purpose}: go ${args.join(' ')}`)
  const res = await deps.runner.run({
    command: 'go',
    args,
    cwd: input.dir,
    env: raceEnv(),
    timeoutMs: config.testTimeoutMs + DEADLINE_MARGIN_MS,
    onStdout: (c) => parser.push(c),
    onStderr: (c) => parser.pushStderr(c),
    // Everything is parsed while streaming; keep only a little for error messages.
    maxCapture: 64 * 1024,
    echo: false
  })
  return {
    parsed: parser.end(),
    killed: res.timedOut,
    record: {
      side: input.side,
      purpose: input.purpose,
      packages: input.packages,
      run: input.run,
      count: countFor(input),
      exitCode: res.exitCode,
      durationMs: res.durationMs
    }
  }
}

/**
 * Initial runs use `race-count`. Confirmation runs are separate processes with `-count=1`:
 * TSan reports a given pair of racing stacks once per process, so `-count=N` in one process
 * cannot tell how many runs would see the race (verified with the basic-count3 fixture).
 */
function countFor(input: SideRunInput): number {
  return input.purpose === 'initial' ? input.config.raceCount : 1
}
