/**
 * "Set up Go": resolve the requested version, then use the runner tool cache, else the `go` on
 * PATH when it matches, else download from go-download-base-url (sha256-verified) into the tool
 * cache. Exports GOTOOLCHAIN=local. Logs the chosen Go as the first line of the caller's group.
 */
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Config } from '../domain/config.js'
import type { Logger, ProcessRunner } from '../ports.js'
import { GoNotFoundError, InvalidGoVersionError, UnknownGoVersionError } from './errors.js'
import { compareGoVersions, parseGoVersion, type GoVersion } from './go-version.js'
import { installRelease } from './install.js'
import {
  findInToolCache,
  goExecutable,
  pathGoRoot,
  probeGoVersion,
  type GoProbeDeps
} from './locate.js'
import type { ActionsEnvPort, HttpPort, ToolCachePort } from './ports.js'
import {
  closestVersions,
  goPlatform,
  parseReleaseList,
  resolveAlias,
  resolveSpec,
  type GoRelease
} from './resolve.js'
import {
  GO_VERSION_SPEC_HELP,
  matchesSpec,
  parseVersionSpec,
  type ConcreteSpec
} from './version-spec.js'
import { requestedSpec, type RequestDeps } from './request.js'

export interface SetupGoInput {
  config: Pick<Config, 'goVersion' | 'goVersionFile' | 'goDownloadBaseUrl'>
  /** GITHUB_WORKSPACE (or the CLI's repository root); go-version-file is relative to it. */
  workspace: string
}

export interface SetupGoDeps {
  runner: ProcessRunner
  logger: Logger
  toolCache: ToolCachePort
  http: HttpPort
  actionsEnv: ActionsEnvPort
  /** The process environment; GOTOOLCHAIN is read from it and set to `local` in it. */
  env: NodeJS.ProcessEnv
  /** `process.platform` */
  platform: string
  /** `process.arch` */
  arch: string
  /** Reads the version file; defaults to node:fs. */
  readFile?: (path: string) => Promise<string>
}

export type GoSource = 'path' | 'tool-cache' | 'download'

export interface GoSetup {
  goRoot: string
  goBin: string
  /** As `go version` reports it, without `go`: `1.26.8`. */
  version: string
  source: GoSource
  /** The first line `go version` printed. */
  versionLine: string
}

const SOURCE_TEXT: Record<GoSource, string> = {
  path: 'already on PATH',
  'tool-cache': 'from the runner tool cache',
  download: 'downloaded'
}

type Log = RequestDeps['log']

/** Sets up Go; throws a named error (see ./errors.ts) with an actionable message on failure. */
export async function setupGo(input: SetupGoInput, deps: SetupGoDeps): Promise<GoSetup> {
  // Buffer the step's narrative so the chosen version can be the group's first line.
  const lines: Array<[keyof Log, string]> = []
  const log: Log = {
    info: (m) => void lines.push(['info', m]),
    warning: (m) => void lines.push(['warning', m])
  }
  const flush = (): void => lines.forEach(([level, m]) => deps.logger[level](m))
  try {
    const result = await setup(input, deps, log)
    deps.logger.info(`Go ${result.version} ${SOURCE_TEXT[result.source]}: ${result.goRoot}`)
    flush()
    return result
  } catch (e) {
    flush()
    throw e
  }
}

async function setup(input: SetupGoInput, deps: SetupGoDeps, log: Log): Promise<GoSetup> {
  const userToolchain = deps.env.GOTOOLCHAIN
  const specText = await requestedSpec(input.config, {
    workspace: input.workspace,
    readFile: deps.readFile,
    log,
    ignoreToolchain: userToolchain === 'local'
  })
  // Always GOTOOLCHAIN=local (as actions/setup-go does): otherwise a PR's go.mod `toolchain` line
  // could make `go` download and run a different toolchain, and base and head could differ.
  // A user value is honoured only when it already is `local` (it then also makes go.mod's `go`
  // line, not `toolchain`, the requirement); auto, path or go1.x.y would defeat the pinning.
  if (userToolchain && userToolchain !== 'local') {
    log.warning(`GOTOOLCHAIN=${userToolchain} replaced by GOTOOLCHAIN=local: this action pins Go.`)
  }
  deps.env.GOTOOLCHAIN = 'local'
  deps.actionsEnv.exportVariable('GOTOOLCHAIN', 'local')

  const probe: GoProbeDeps = {
    runner: deps.runner,
    logger: deps.logger,
    platform: deps.platform,
    // Not the workspace: a go.mod there asking for a newer Go would make `go version` fail.
    cwd: deps.env.RUNNER_TEMP && existsSync(deps.env.RUNNER_TEMP) ? deps.env.RUNNER_TEMP : tmpdir()
  }
  if (specText === null) return usePathGo(null, deps, probe)

  const parsed = parseVersionSpec(specText.value)
  if (!parsed) {
    throw new InvalidGoVersionError(
      `${specText.origin}: "${specText.value}" is not a Go version spec (${GO_VERSION_SPEC_HELP})`
    )
  }
  const platform = goPlatform(deps.platform, deps.arch)
  const baseUrl = (input.config.goDownloadBaseUrl || 'https://go.dev/dl').replace(/\/+$/, '')
  const listUrl = `${baseUrl}/?mode=json&include=all`
  let releases: GoRelease[] | undefined
  const loadReleases = async (): Promise<GoRelease[]> => {
    try {
      return (releases ??= parseReleaseList(await deps.http.getJson(listUrl)))
    } catch (e) {
      const msg = (e as Error).message
      throw new Error(`Cannot read the Go version list (go-download-base-url): ${msg}`, {
        cause: e
      })
    }
  }
  const where = `${platform.os}/${platform.arch}`

  let spec: ConcreteSpec
  if (parsed.kind === 'alias') {
    // An alias needs the list to mean anything; the tool cache cannot tell which Go is stable.
    const hit = resolveAlias(parsed.alias, await loadReleases(), platform)
    if (!hit) throw new UnknownGoVersionError(parsed.alias, where, [], listUrl)
    log.info(`${parsed.alias} is Go ${hit.version.text}`)
    spec = { kind: 'exact', version: hit.version, raw: hit.version.text }
  } else {
    spec = parsed
  }
  log.info(`Requested Go ${specText.value} (${specText.origin})`)

  const cached = findInToolCache(spec, deps.toolCache, deps.arch)
  if (cached) {
    const result = await adopt(cached.dir, 'tool-cache', deps, probe)
    if (result) return result
    log.warning(`The cached Go at ${cached.dir} does not run; ignoring it.`)
  }

  const onPath = await usePathGo(spec, deps, probe).catch((e: Error) => {
    log.info(e.message)
    return null
  })
  if (onPath) return onPath

  const releaseList = await loadReleases()
  const release = resolveSpec(spec, releaseList, platform)
  if (!release) {
    const near = spec.kind === 'exact' ? spec.version : lowestNamed(spec)
    throw new UnknownGoVersionError(
      specText.value,
      where,
      closestVersions(near, releaseList, platform),
      listUrl
    )
  }
  const root = await installRelease(
    { release, baseUrl, arch: deps.arch },
    { toolCache: deps.toolCache, log: log.info }
  )
  const result = await adopt(root, 'download', deps, probe)
  if (!result)
    throw new GoNotFoundError(`The Go downloaded to ${root} does not run (go version failed)`)
  const reported = parseGoVersion(result.version)
  if (!reported || compareGoVersions(reported, release.version) !== 0) {
    log.warning(`go version reports ${result.version}, expected ${release.version.text}`)
  }
  return result
}

/** Checks the Go under `root` runs, puts its bin on PATH and describes it. */
async function adopt(
  root: string,
  source: GoSource,
  deps: SetupGoDeps,
  probe: GoProbeDeps
): Promise<GoSetup | null> {
  const goBin = join(root, 'bin')
  const seen = await probeGoVersion(goExecutable(goBin, deps.platform), probe)
  if (!seen) return null
  deps.actionsEnv.addPath(goBin)
  const version = seen.version?.text ?? seen.name
  return { goRoot: root, goBin, version, source, versionLine: seen.line }
}

/** The `go` on PATH when it satisfies `spec` (any Go when spec is null). */
async function usePathGo(
  spec: ConcreteSpec | null,
  deps: SetupGoDeps,
  probe: GoProbeDeps
): Promise<GoSetup> {
  const seen = await probeGoVersion('go', probe)
  if (!seen && spec) throw new GoNotFoundError('No runnable `go` on PATH')
  if (!seen) {
    throw new GoNotFoundError(
      'No `go` on PATH, and neither go-version nor go-version-file is set. ' +
        'Set go-version (e.g. "stable" or "1.26") or go-version-file (e.g. "go.mod").'
    )
  }
  if (spec && !(seen.version && matchesSpec(spec, seen.version))) {
    throw new GoNotFoundError(`Go on PATH is ${seen.name}, not ${spec.raw}`)
  }
  const goRoot = await pathGoRoot({ ...probe, env: deps.env })
  if (!goRoot)
    throw new GoNotFoundError('Cannot tell where the `go` on PATH lives (go env GOROOT failed)')
  const version = seen.version?.text ?? seen.name
  return { goRoot, goBin: join(goRoot, 'bin'), version, source: 'path', versionLine: seen.line }
}

/** The first version a range names (for suggestions), e.g. 1.24.0 for `>=1.24`. */
function lowestNamed(spec: ConcreteSpec): GoVersion | null {
  return spec.kind === 'range' ? (spec.anyOf[0]?.[0]?.version ?? null) : spec.version
}
