/**
 * Finding an installed Go: in the runner tool cache, or on PATH. Every `go` run here uses
 * GOTOOLCHAIN=local and a neutral working directory, so neither the environment nor a go.mod
 * in the workspace can make `go version` switch to (or download) another toolchain.
 */
import { existsSync } from 'node:fs'
import { delimiter, dirname, isAbsolute, join } from 'node:path'
import type { Logger, ProcessRunner } from '../ports.js'
import { compareGoVersions, fromSemver, type GoVersion } from './go-version.js'
import type { ToolCachePort } from './ports.js'
import { parseGoVersionOutput, type GoVersionOutput } from './resolve.js'
import { matchesSpec, type ConcreteSpec } from './version-spec.js'

export interface GoProbeDeps {
  runner: ProcessRunner
  logger: Logger
  platform: string
  /** Directory `go` is run in. */
  cwd: string
}

/** `go` or `go.exe` inside `binDir`. */
export function goExecutable(binDir: string, platform: string): string {
  return join(binDir, platform === 'win32' ? 'go.exe' : 'go')
}

/** Runs `<go> <args>`; returns trimmed stdout, or null when it cannot start or fails. */
export async function runGo(go: string, args: string[], deps: GoProbeDeps): Promise<string | null> {
  try {
    const r = await deps.runner.run({
      command: go,
      args,
      cwd: deps.cwd,
      env: { GOTOOLCHAIN: 'local' },
      timeoutMs: 60_000,
      echo: false
    })
    if (r.exitCode !== 0) {
      deps.logger.debug(`${go} ${args.join(' ')} exited ${r.exitCode}: ${r.stderr.trim()}`)
      return null
    }
    return r.stdout.trim()
  } catch (e) {
    // The runner throws only when the command cannot start (ENOENT: no such go).
    deps.logger.debug(`${go} ${args.join(' ')} did not start: ${(e as Error).message}`)
    return null
  }
}

/** `go version` of `go`, parsed; null when it does not run or prints something else. */
export async function probeGoVersion(
  go: string,
  deps: GoProbeDeps
): Promise<(GoVersionOutput & { line: string }) | null> {
  const out = await runGo(go, ['version'], deps)
  const parsed = out === null ? null : parseGoVersionOutput(out)
  return parsed && out ? { ...parsed, line: out.split(/\r?\n/)[0] } : null
}

/** The newest cached Go matching `spec`: its directory and version, or null. */
export function findInToolCache(
  spec: ConcreteSpec,
  toolCache: ToolCachePort,
  arch: string
): { dir: string; version: GoVersion } | null {
  const candidates = toolCache
    .findAllVersions('go', arch)
    .map((semver) => ({ semver, version: fromSemver(semver) }))
    .filter((c): c is { semver: string; version: GoVersion } => c.version !== null)
    .filter((c) => matchesSpec(spec, c.version))
    .sort((a, b) => compareGoVersions(b.version, a.version))
  for (const c of candidates) {
    const dir = toolCache.find('go', c.semver, arch)
    if (dir) return { dir, version: c.version }
  }
  return null
}

/** The first `go` executable on `PATH`, or undefined. */
export function whichGo(env: NodeJS.ProcessEnv, platform: string): string | undefined {
  const path = env.PATH ?? env.Path ?? ''
  for (const dir of path.split(delimiter)) {
    if (dir && existsSync(goExecutable(dir, platform))) return goExecutable(dir, platform)
  }
  return undefined
}

/**
 * GOROOT of the `go` on PATH: `go env GOROOT`, or, when that prints no absolute path (a wrapper
 * script), the parent of the directory holding `go`.
 */
export async function pathGoRoot(
  deps: GoProbeDeps & { env: NodeJS.ProcessEnv }
): Promise<string | undefined> {
  const out = await runGo('go', ['env', 'GOROOT'], deps)
  if (out && isAbsolute(out) && !out.includes('\n')) return out
  const found = whichGo(deps.env, deps.platform)
  return found ? dirname(dirname(found)) : undefined
}
