/**
 * Which Go the user asked for: `go-version`, else the version written in `go-version-file`
 * (read here, parsed by the pure ./version-file.ts), else nothing (use the `go` on PATH).
 */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Config } from '../domain/config.js'
import { parseVersionFile, VersionFileError } from './version-file.js'

export interface RequestDeps {
  /** go-version-file is relative to this (GITHUB_WORKSPACE). */
  workspace: string
  /** Reads the version file; defaults to node:fs. */
  readFile?: (path: string) => Promise<string>
  log: { info(m: string): void; warning(m: string): void }
  /** The user runs with GOTOOLCHAIN=local: go.mod `toolchain` lines are not the requirement. */
  ignoreToolchain: boolean
}

/** The requested spec text and where it came from (for messages), or null when none is set. */
export async function requestedSpec(
  config: Pick<Config, 'goVersion' | 'goVersionFile'>,
  deps: RequestDeps
): Promise<{ value: string; origin: string } | null> {
  const goVersion = config.goVersion.trim()
  const goVersionFile = config.goVersionFile.trim()
  if (goVersion) {
    if (goVersionFile) {
      deps.log.warning(
        `Both go-version and go-version-file are set; using go-version (${goVersion}).`
      )
    }
    return { value: goVersion, origin: 'go-version' }
  }
  if (!goVersionFile) return null
  const path = resolve(deps.workspace, goVersionFile)
  let content: string
  try {
    content = await (deps.readFile ?? ((p: string) => readFile(p, 'utf8')))(path)
  } catch (e) {
    throw new VersionFileError(`go-version-file: cannot read ${path}: ${(e as Error).message}`)
  }
  const value = parseVersionFile(path, content, { ignoreToolchain: deps.ignoreToolchain })
  return { value, origin: `go-version-file ${goVersionFile}` }
}
