/**
 * Resolves a version spec against the go.dev release list (`/dl/?mode=json&include=all`) for one
 * OS/arch, and reads `go version` output. Pure: the list arrives as parsed JSON.
 */
import { compareGoVersions, minorLine, parseGoVersion, type GoVersion } from './go-version.js'
import { matchesSpec, type Alias, type ConcreteSpec } from './version-spec.js'

/** One file of a go.dev release, exactly as the JSON names its fields. */
export interface GoReleaseFile {
  filename: string
  os: string
  arch: string
  version: string
  sha256: string
  size: number
  kind: string
}

/** One go.dev release entry. */
export interface GoRelease {
  version: string
  stable: boolean
  files: GoReleaseFile[]
}

/** Go's names for the runner's OS/arch and the archive type go.dev ships for it. */
export interface GoPlatform {
  os: string
  arch: string
  /** `.zip` on Windows, `.tar.gz` elsewhere. */
  ext: '.tar.gz' | '.zip'
}

export class ReleaseListError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ReleaseListError'
  }
}

// Node's process.arch → GOARCH. setup-go misses ia32/x86 → 386 and ppc64 (Node's name for the
// little-endian build) → ppc64le.
const ARCH: Record<string, string> = {
  x64: 'amd64',
  arm64: 'arm64',
  x86: '386',
  ia32: '386',
  x32: '386',
  arm: 'armv6l',
  ppc64: 'ppc64le',
  s390x: 's390x'
}

/** Maps Node's `process.platform`/`process.arch` to go.dev's `os`/`arch`. */
export function goPlatform(platform: string, arch: string): GoPlatform {
  const os = platform === 'win32' ? 'windows' : platform
  return { os, arch: ARCH[arch] ?? arch, ext: os === 'windows' ? '.zip' : '.tar.gz' }
}

/** Validates the shape of the downloaded list; throws {@link ReleaseListError} when it is not one. */
export function parseReleaseList(json: unknown): GoRelease[] {
  if (!Array.isArray(json)) throw new ReleaseListError('the Go version list is not a JSON array')
  return json.map((entry, i) => {
    const e = entry as Partial<GoRelease> | null
    if (!e || typeof e.version !== 'string' || !Array.isArray(e.files)) {
      throw new ReleaseListError(`entry ${i} of the Go version list has no version/files`)
    }
    return { version: e.version, stable: e.stable === true, files: e.files as GoReleaseFile[] }
  })
}

/** The downloadable archive of `release` for `platform`, if go.dev ships one. */
export function archiveFor(release: GoRelease, platform: GoPlatform): GoReleaseFile | undefined {
  return release.files.find(
    (f) =>
      f.kind === 'archive' &&
      f.os === platform.os &&
      f.arch === platform.arch &&
      f.filename.endsWith(platform.ext) &&
      typeof f.sha256 === 'string'
  )
}

/** A release picked for download. */
export interface ResolvedRelease {
  version: GoVersion
  stable: boolean
  file: GoReleaseFile
}

/** Every release with an archive for the platform, newest first. */
export function availableReleases(releases: GoRelease[], platform: GoPlatform): ResolvedRelease[] {
  const out: ResolvedRelease[] = []
  for (const r of releases) {
    const version = parseGoVersion(r.version)
    const file = archiveFor(r, platform)
    if (version && file) out.push({ version, stable: r.stable, file })
  }
  return out.sort((a, b) => compareGoVersions(b.version, a.version))
}

/** The newest release matching `spec` that has an archive for the platform. */
export function resolveSpec(
  spec: ConcreteSpec,
  releases: GoRelease[],
  platform: GoPlatform
): ResolvedRelease | undefined {
  return availableReleases(releases, platform).find((r) => matchesSpec(spec, r.version))
}

/**
 * `stable`: the newest non-pre-release with an archive for the platform. `oldstable`: the newest
 * release of the minor line before stable's (1.26.8 → newest 1.25.x).
 */
export function resolveAlias(
  alias: Alias,
  releases: GoRelease[],
  platform: GoPlatform
): ResolvedRelease | undefined {
  const stable = availableReleases(releases, platform).filter((r) => r.stable && !r.version.pre)
  if (alias === 'stable') return stable[0]
  const newestLine = stable[0] ? minorLine(stable[0].version) : undefined
  return stable.find((r) => minorLine(r.version) !== newestLine)
}

/**
 * Up to `limit` versions to suggest when nothing matched: the releases nearest to the requested
 * version (or the newest ones when the spec names none), newest first.
 */
export function closestVersions(
  requested: GoVersion | null,
  releases: GoRelease[],
  platform: GoPlatform,
  limit = 6
): string[] {
  const all = availableReleases(releases, platform).filter((r) => r.stable || requested?.pre)
  if (!requested) return all.slice(0, limit).map((r) => r.version.text)
  const distance = (v: GoVersion): number =>
    Math.abs(v.major - requested.major) * 10_000 +
    Math.abs(v.minor - requested.minor) * 100 +
    Math.abs(v.patch - requested.patch)
  return [...all]
    .sort((a, b) => distance(a.version) - distance(b.version))
    .slice(0, limit)
    .sort((a, b) => compareGoVersions(b.version, a.version))
    .map((r) => r.version.text)
}

/** What `go version` printed: `go version go1.26.8 linux/amd64`. */
export interface GoVersionOutput {
  /** Null for development builds (`devel go1.27-abcdef …`) or custom names. */
  version: GoVersion | null
  /** The third word as printed, without the `go` prefix (e.g. `1.26.8`, `devel`). */
  name: string
  os: string
  arch: string
}

/**
 * Parses `go version` output. Format from go/src/cmd/go/internal/version/version.go:
 * `go version <runtime.Version()> [X:experiments] <GOOS>/<GOARCH>`. Null when it is not that.
 */
export function parseGoVersionOutput(output: string): GoVersionOutput | null {
  const line = output.split(/\r?\n/).find((l) => l.startsWith('go version '))
  if (!line) return null
  const words = line.trim().split(/\s+/)
  const platform = words[words.length - 1].split('/')
  if (words.length < 4 || platform.length !== 2) return null
  const name = words[2].replace(/^go/, '')
  // Custom builds may append `+suffix` or `-suffix` to the release name (go1.26.8-fips).
  const m = /^go(\d+\.\d+(?:\.\d+)?(?:(?:rc|beta)\d+)?)/.exec(words[2])
  return { version: m ? parseGoVersion(m[1]) : null, name, os: platform[0], arch: platform[1] }
}

/** Whether an installed Go (its `go version` output) satisfies a concrete spec. */
export function localGoSatisfies(spec: ConcreteSpec, goVersionOutput: string): boolean {
  const parsed = parseGoVersionOutput(goVersionOutput)
  return parsed?.version != null && matchesSpec(spec, parsed.version)
}
