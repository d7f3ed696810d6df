/** Public API of the Go toolchain module (see docs in each file). */
export {
  createActionsEnvPort,
  createCachePort,
  createHttpPort,
  createLocalEnvPort,
  createToolCachePort
} from './adapters.js'
export type { HttpOptions } from './adapters.js'
export { setupGo } from './setup.js'
export type { GoSetup, GoSource, SetupGoDeps, SetupGoInput } from './setup.js'
export { restoreGoCache, saveGoCache } from './cache.js'
export type { GoCacheDeps, GoCacheInput, GoCacheState } from './cache.js'
export { benchstatBinDir, goCacheKey, hashGoSumFiles } from './cache-key.js'
export { GO_VERSION_SPEC_HELP, isValidGoVersionSpec, parseVersionSpec } from './version-spec.js'
export { parseVersionFile, VersionFileError } from './version-file.js'
export { parseGoVersionOutput } from './resolve.js'
export {
  ChecksumMismatchError,
  GoNotFoundError,
  InvalidGoVersionError,
  UnknownGoVersionError
} from './errors.js'
export type { ActionsEnvPort, CachePort, HttpPort, ToolCachePort } from './ports.js'
