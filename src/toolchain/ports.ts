/**
 * The outside world the Go setup and cache steps need, as small interfaces. Real adapters are in
 * ./adapters.ts (over @actions/tool-cache, @actions/core, @actions/cache and fetch); tests pass fakes.
 */

/** The runner tool cache (RUNNER_TOOL_CACHE) and the download/extract helpers around it. */
export interface ToolCachePort {
  /** Path of `tool` at exactly `semver` for `arch`, or '' when not cached. */
  find(tool: string, semver: string, arch: string): string
  /** Every cached semver of `tool` for `arch`. */
  findAllVersions(tool: string, arch: string): string[]
  /** Downloads to a fresh temp file and returns its path; throws on a non-200 answer. */
  downloadTool(url: string): Promise<string>
  /** Extracts a .tar.gz into a fresh directory and returns it. */
  extractTar(file: string): Promise<string>
  /** Extracts a .zip into a fresh directory and returns it. */
  extractZip(file: string): Promise<string>
  /** Copies `dir` into the cache as `tool/semver/arch` and returns the cached path. */
  cacheDir(dir: string, tool: string, semver: string, arch: string): Promise<string>
}

/** Fetches JSON. Throws with the URL and status on failure. */
export interface HttpPort {
  getJson(url: string): Promise<unknown>
}

/** Changes to the environment of this step and of later steps in the job. */
export interface ActionsEnvPort {
  /** Prepends `dir` to PATH for this process and later steps. */
  addPath(dir: string): void
  /** Sets a variable for this process and later steps. */
  exportVariable(name: string, value: string): void
}

/** The @actions/cache service. */
export interface CachePort {
  /** False when the runner offers no cache service (e.g. outside GitHub, some GHES setups). */
  isAvailable(): boolean
  /** Restores `paths`; returns the key that matched (exact or a restore-key prefix), or undefined. */
  restore(paths: string[], key: string, restoreKeys: string[]): Promise<string | undefined>
  /**
   * Saves `paths` under `key`; false when the service declined (it logs why). May throw;
   * callers turn failures into warnings.
   */
  save(paths: string[], key: string): Promise<boolean>
}
