/**
 * Real implementations of ./ports.ts over @actions/tool-cache, @actions/core, @actions/cache and
 * Node's fetch. Only main.ts / cli.ts construct these.
 */
import * as cache from '@actions/cache'
import * as core from '@actions/core'
import * as tc from '@actions/tool-cache'
import { delimiter } from 'node:path'
import type { ActionsEnvPort, CachePort, HttpPort, ToolCachePort } from './ports.js'

/**
 * The runner tool cache. @actions/tool-cache reads RUNNER_TEMP and RUNNER_TOOL_CACHE from
 * process.env, so values given only in `env` (the CLI passes its own) are copied there first.
 * Without RUNNER_TOOL_CACHE the cache is simply empty, so the CLI falls through to the `go` on
 * PATH; downloading then fails with a message naming the missing variables.
 */
export function createToolCachePort(env: NodeJS.ProcessEnv = process.env): ToolCachePort {
  const sync = (): void => {
    for (const name of ['RUNNER_TEMP', 'RUNNER_TOOL_CACHE'] as const) {
      if (env[name] && !process.env[name]) process.env[name] = env[name]
    }
  }
  const hasCache = (): boolean => Boolean(env.RUNNER_TOOL_CACHE)
  return {
    find: (tool, semver, arch) => (hasCache() ? (sync(), tc.find(tool, semver, arch)) : ''),
    findAllVersions: (tool, arch) => (hasCache() ? (sync(), tc.findAllVersions(tool, arch)) : []),
    downloadTool: async (url) => {
      if (!env.RUNNER_TEMP || !env.RUNNER_TOOL_CACHE) {
        throw new Error(
          'Downloading Go needs RUNNER_TEMP and RUNNER_TOOL_CACHE (set on GitHub runners)'
        )
      }
      sync()
      return tc.downloadTool(url)
    },
    extractTar: (file) => tc.extractTar(file),
    extractZip: (file) => tc.extractZip(file),
    cacheDir: (dir, tool, semver, arch) => tc.cacheDir(dir, tool, semver, arch)
  }
}

export interface HttpOptions {
  /** Attempts for network errors, 5xx, 408 and 429 (like tool-cache's downloads). Default 3. */
  attempts?: number
  /** Per-attempt timeout. Default 30 s. */
  timeoutMs?: number
  /** Pause between attempts. Default 2 s. */
  retryDelayMs?: number
}

/**
 * JSON over Node's fetch. Note: unlike @actions/http-client it does not read https_proxy; the
 * version list is small and archives go through tool-cache, which does.
 */
export function createHttpPort(options: HttpOptions = {}): HttpPort {
  const { attempts = 3, timeoutMs = 30_000, retryDelayMs = 2_000 } = options
  return {
    async getJson(url: string): Promise<unknown> {
      let last: Error = new Error(`GET ${url} was not attempted`)
      for (let i = 1; i <= attempts; i++) {
        try {
          const res = await fetch(url, {
            headers: { accept: 'application/json', 'user-agent': 'go-race-gc-guard' },
            signal: AbortSignal.timeout(timeoutMs)
          })
          if (res.ok) return await res.json()
          last = new Error(`GET ${url} answered ${res.status} ${res.statusText}`)
          const retryable = res.status >= 500 || res.status === 408 || res.status === 429
          if (!retryable) throw last
        } catch (e) {
          if (e === last) throw e
          last = new Error(`GET ${url} failed: ${(e as Error).message}`)
        }
        if (i < attempts) await new Promise((r) => setTimeout(r, retryDelayMs))
      }
      throw last
    }
  }
}

/** PATH and variables for this process and later job steps (GITHUB_PATH / GITHUB_ENV). */
export function createActionsEnvPort(): ActionsEnvPort {
  return {
    addPath: (dir) => core.addPath(dir),
    exportVariable: (name, value) => core.exportVariable(name, value)
  }
}

/** For the CLI: changes only this process's environment (no workflow commands printed). */
export function createLocalEnvPort(env: NodeJS.ProcessEnv = process.env): ActionsEnvPort {
  return {
    addPath: (dir) => {
      env.PATH = env.PATH ? `${dir}${delimiter}${env.PATH}` : dir
    },
    exportVariable: (name, value) => {
      env[name] = value
    }
  }
}

/** @actions/cache. Its own warnings cover declined saves (read-only tokens, key races). */
export function createCachePort(): CachePort {
  return {
    isAvailable: () => cache.isFeatureAvailable(),
    restore: (paths, key, restoreKeys) => cache.restoreCache(paths, key, restoreKeys),
    save: async (paths, key) => (await cache.saveCache(paths, key)) !== -1
  }
}
