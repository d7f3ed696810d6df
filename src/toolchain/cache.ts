/**
 * Restores GOCACHE and GOMODCACHE (and extra paths such as the benchstat build) before the Go
 * work and saves them after it. A missing or failing cache service only warns: caching is an
 * optimisation, never a reason to fail the check.
 */
import { existsSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import type { Config } from '../domain/config.js'
import type { Logger, ProcessRunner } from '../ports.js'
import { goCacheKey, hashGoSumFiles } from './cache-key.js'
import type { CachePort } from './ports.js'

export interface GoCacheInput {
  config: Pick<Config, 'cache' | 'workingDirectory'>
  /** GITHUB_WORKSPACE; working-directory is relative to it. */
  workspace: string
  /** `GoSetup.version` from setupGo. */
  goVersion: string
  /** More absolute paths to cache, e.g. `benchstatBinDir(env, version)`. */
  extraPaths?: string[]
  /** Changes the key when it changes (e.g. the benchstat version). */
  keySalt?: string
}

export interface GoCacheDeps {
  runner: ProcessRunner
  logger: Logger
  cache: CachePort
  platform: string
  arch: string
}

/** What restore found; hand it to {@link saveGoCache}. */
export interface GoCacheState {
  /** Set when caching is off or impossible; save then does nothing. */
  skipped?: string
  paths: string[]
  key: string
  restoreKeys: string[]
  /** The key of the entry restored, if any. */
  matchedKey?: string
}

const skipped = (reason: string): GoCacheState => ({
  skipped: reason,
  paths: [],
  key: '',
  restoreKeys: []
})

/** `go env GOCACHE GOMODCACHE` in the module; `off` or empty values are left out. */
async function goCachePaths(moduleDir: string, deps: GoCacheDeps): Promise<string[]> {
  const r = await deps.runner.run({
    command: 'go',
    args: ['env', 'GOCACHE', 'GOMODCACHE'],
    cwd: moduleDir,
    env: { GOTOOLCHAIN: 'local' },
    timeoutMs: 60_000,
    echo: false
  })
  if (r.exitCode !== 0) throw new Error(`go env GOCACHE GOMODCACHE failed: ${r.stderr.trim()}`)
  return r.stdout
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((p) => p !== '' && p !== 'off' && isAbsolute(p))
}

/** Restores the newest matching cache entry. Never throws. */
export async function restoreGoCache(
  input: GoCacheInput,
  deps: GoCacheDeps
): Promise<GoCacheState> {
  const { logger } = deps
  if (!input.config.cache) return skipped('cache: false')
  try {
    if (!deps.cache.isAvailable()) {
      logger.warning(
        'The Actions cache service is not available; Go caches are not restored or saved.'
      )
      return skipped('cache service unavailable')
    }
    const moduleDir = resolve(input.workspace, input.config.workingDirectory)
    const paths = [...(await goCachePaths(moduleDir, deps)), ...(input.extraPaths ?? [])]
    const { key, restoreKeys } = goCacheKey({
      platform: deps.platform,
      arch: deps.arch,
      goVersion: input.goVersion,
      goSumHash: await hashGoSumFiles(moduleDir),
      salt: input.keySalt
    })
    const state: GoCacheState = { paths, key, restoreKeys }
    try {
      state.matchedKey = await deps.cache.restore(paths, key, restoreKeys)
    } catch (e) {
      logger.warning(
        `Restoring the Go cache failed (${(e as Error).message}); continuing without it.`
      )
      return state
    }
    logger.info(
      state.matchedKey
        ? `Go cache restored from ${state.matchedKey}${state.matchedKey === key ? ' (exact)' : ''}`
        : `No Go cache for ${key}`
    )
    return state
  } catch (e) {
    logger.warning(`Go cache skipped: ${(e as Error).message}`)
    return skipped((e as Error).message)
  }
}

/** Saves the caches unless restore hit the exact key. Never throws. */
export async function saveGoCache(
  state: GoCacheState,
  deps: Pick<GoCacheDeps, 'cache' | 'logger'>
): Promise<'saved' | 'unchanged' | 'skipped' | 'failed'> {
  if (state.skipped) return 'skipped'
  if (state.matchedKey === state.key) {
    deps.logger.info(`Go cache ${state.key} was restored exactly; not saving it again.`)
    return 'unchanged'
  }
  // @actions/cache refuses the whole save when a path is missing (e.g. no module was downloaded).
  const paths = state.paths.filter((p) => existsSync(p))
  if (paths.length === 0) {
    deps.logger.info('No Go cache directories exist; nothing to save.')
    return 'skipped'
  }
  try {
    const saved = await deps.cache.save(paths, state.key)
    if (saved) deps.logger.info(`Go cache saved as ${state.key}`)
    return saved ? 'saved' : 'failed'
  } catch (e) {
    deps.logger.warning(`Saving the Go cache failed (${(e as Error).message}); continuing.`)
    return 'failed'
  }
}
