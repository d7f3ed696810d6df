/**
 * Helpers shared by bench/power.ts and bench/walltime.ts (not shipped): a real process runner with
 * quiet output, a silent logger, node's fs, and a Config for a module on disk.
 */
import { NodeProcessRunner } from '../src/adapters/process-runner.js'
import { nodeFileSystem } from '../src/adapters/node-fs.js'
import { parseConfig, type RawInputs } from '../src/config/parse-config.js'
import type { Checkouts } from '../src/domain/checkouts.js'
import type { Config } from '../src/domain/config.js'
import type { Logger } from '../src/ports.js'

/** A runner that echoes nothing. */
export function quietRunner(): NodeProcessRunner {
  return new NodeProcessRunner(process.env, { write: () => {} })
}

/** A logger that prints info lines only when `verbose`. */
export function consoleLogger(verbose = false): Logger {
  return {
    info: (m) => verbose && console.log(m),
    warning: (m) => console.warn(`warning: ${m}`),
    error: (m) => console.error(`error: ${m}`),
    notice: (m) => verbose && console.log(m),
    debug: () => {},
    group: async (name, fn) => {
      if (verbose) console.log(`▶ ${name}`)
      return fn()
    }
  }
}

export const fs = nodeFileSystem

/** A Config from raw inputs (defaults for everything else). */
export function configFor(raw: RawInputs): Config {
  return parseConfig(raw)
}

/** Checkouts for a base and a head directory that are both module roots. */
export function checkoutsFor(baseDir: string | null, headDir: string): Checkouts {
  return {
    headRepo: headDir,
    headDir,
    headSha: 'head',
    baseRepo: baseDir,
    baseDir,
    baseSha: baseDir ? 'base' : null,
    baseUnavailableReason: baseDir ? null : 'no base in this test',
    changedFiles: null,
    moduleDir: ''
  }
}
