/**
 * Cache keys for GOCACHE/GOMODCACHE, the hash of a module's go.sum files, and where the benchstat
 * build lives so it is cached along with them.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative, sep } from 'node:path'

/** Every key and restore key starts with this. */
export const CACHE_KEY_PREFIX = 'go-race-gc-guard'

export interface CacheKeyInput {
  /** `process.platform` */
  platform: string
  /** `process.arch` */
  arch: string
  /** The Go version in use, e.g. `1.26.8`. */
  goVersion: string
  /** Hex sha256 from {@link hashGoSumFiles}. */
  goSumHash: string
  /** Extra part that forces a new entry when it changes (e.g. the pinned benchstat version). */
  salt?: string
}

/**
 * `go-race-gc-guard-<os>-<arch>-go<version>-[<salt>-]<go.sum hash>`, and one restore key: the
 * prefix up to the Go version, so a changed go.sum still starts from the newest entry of the
 * same OS/arch/Go (build outputs of another Go version are useless; they would only take space).
 */
export function goCacheKey(input: CacheKeyInput): { key: string; restoreKeys: string[] } {
  const prefix = `${CACHE_KEY_PREFIX}-${input.platform}-${input.arch}-go${input.goVersion}-`
  const salt = input.salt ? `${input.salt.replace(/[^\w.@-]/g, '_')}-` : ''
  return { key: `${prefix}${salt}${input.goSumHash}`, restoreKeys: [prefix] }
}

// Directories the go command itself ignores (`.`/`_` prefixes) plus ones that never hold a
// module of this repository.
function skipDir(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_') || name === 'node_modules'
}

/**
 * Hex sha256 over every `go.sum` and `go.work.sum` under `moduleDir` (sorted by relative path,
 * each path hashed with its content, so moving a file changes the key). Symlinks are not followed.
 */
export async function hashGoSumFiles(moduleDir: string): Promise<string> {
  const files: string[] = []
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
    for (const e of entries) {
      if (e.isDirectory() && !skipDir(e.name)) await walk(join(dir, e.name))
      else if (e.isFile() && (e.name === 'go.sum' || e.name === 'go.work.sum')) {
        files.push(join(dir, e.name))
      }
    }
  }
  await walk(moduleDir)
  const rel = files.map((f) => relative(moduleDir, f).split(sep).join('/')).sort()
  const hash = createHash('sha256')
  for (const r of rel) {
    const content = await readFile(join(moduleDir, r))
    hash.update(`${r}\0${createHash('sha256').update(content).digest('hex')}\n`)
  }
  return hash.digest('hex')
}

/**
 * GOBIN for `go install golang.org/x/perf/cmd/benchstat@<version>`: under RUNNER_TOOL_CACHE on a
 * runner (else the user cache dir), one directory per pinned version. Pass it to
 * `restoreGoCache({ extraPaths })` so the built binary is cached with GOCACHE/GOMODCACHE.
 */
export function benchstatBinDir(env: NodeJS.ProcessEnv, version: string): string {
  const root =
    env.RUNNER_TOOL_CACHE ||
    env.XDG_CACHE_HOME ||
    (env.HOME ? join(env.HOME, '.cache') : '') ||
    env.LOCALAPPDATA ||
    tmpdir()
  return join(root, CACHE_KEY_PREFIX, 'benchstat', version.replace(/[^\w.@-]/g, '_'))
}
