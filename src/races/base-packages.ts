/** Chooses the packages the base side tests (`race-base`), using `go list` on head. */
import type { Checkouts } from '../domain/checkouts.js'
import type { Config } from '../domain/config.js'
import type { FileSystem, Logger, ProcessRunner } from '../ports.js'
import { affectedPackages, LIST_FORMAT, parsePackageList, type PackageGraph } from './affected.js'

export interface BaseSelectionInput {
  config: Config
  checkouts: Checkouts
  /** Head packages being tested. */
  packages: string[]
  /** Packages where head raced (always tested on base). */
  raced: string[]
}

export interface BaseSelection {
  /** Packages to run on base. */
  present: string[]
  /** Selected packages whose directory does not exist on base: their races are new. */
  missing: Set<string>
}

/** Lists packages (dirs + test deps) in the head module; null when `go list` fails. */
async function listPackages(
  input: BaseSelectionInput,
  deps: { runner: ProcessRunner; logger: Logger }
): Promise<PackageGraph | null> {
  const { checkouts, config } = input
  const res = await deps.runner.run({
    command: 'go',
    args: ['list', '-e', '-test', ...config.buildFlags, '-f', LIST_FORMAT, ...input.packages],
    cwd: checkouts.headDir,
    timeoutMs: 5 * 60_000,
    echo: false
  })
  if (res.exitCode !== 0) {
    deps.logger.warning(`go list failed (exit ${res.exitCode}); testing every package on base`)
    return null
  }
  return parsePackageList(res.stdout)
}

/** Packages for the base run under `race-base: affected` or `full` (not called for `off`). */
export async function selectBasePackages(
  input: BaseSelectionInput,
  deps: { runner: ProcessRunner; logger: Logger; fs: FileSystem }
): Promise<BaseSelection> {
  const { checkouts, config } = input
  const baseDir = checkouts.baseDir
  if (baseDir === null) return { present: [], missing: new Set() }
  const graph = await listPackages(input, deps)
  const selected =
    config.raceBase === 'full' || graph === null
      ? [...input.packages]
      : affectedPackages({
          graph,
          headDir: checkouts.headDir,
          moduleDir: checkouts.moduleDir,
          changedFiles: checkouts.changedFiles,
          packages: input.packages,
          raced: input.raced
        })
  const root = checkouts.headDir.replace(/\/+$/, '')
  const missing = new Set<string>()
  const present: string[] = []
  for (const p of selected) {
    const dir = graph?.dirs.get(p)
    const inside = dir !== undefined && (dir === root || dir.startsWith(`${root}/`))
    const rel = inside ? dir.slice(root.length) : null
    if (rel !== null && !(await deps.fs.exists(baseDir.replace(/\/+$/, '') + rel))) missing.add(p)
    else present.push(p)
  }
  deps.logger.info(
    `race base (${config.raceBase}): ${present.length} package(s), ${missing.size} new on head`
  )
  return { present, missing }
}
