/**
 * Go release versions (`go1.26.8`, `go1.20`, `go1.27rc1`, `go1.21beta1`): parsing, ordering and the
 * semver form the runner tool cache stores them under. Pure; no dependency on the `semver` package,
 * whose rules do not know Go's `rc`/`beta` suffixes.
 */

export type PreKind = 'beta' | 'rc'

/** One concrete Go release. */
export interface GoVersion {
  major: number
  minor: number
  /** 0 when the release name has no patch part (`go1.20`, `go1.27rc1`). */
  patch: number
  /** A pre-release (`beta1`, `rc2`), or null for a release. */
  pre: { kind: PreKind; n: number } | null
  /** The canonical text without the `go` prefix, as Go spells it: `1.26.8`, `1.20`, `1.27rc1`. */
  text: string
}

// Since Go 1.21 releases are `go1.N.0`, pre-releases `go1.NrcK`; older ones were `go1.N` and
// `go1.N.PrcK` (e.g. go1.9.2rc2). Both spellings are accepted.
const GO_VERSION_RE = /^(?:go)?(\d+)\.(\d+)(?:\.(\d+))?(?:(beta|rc)(\d+))?$/

/** Parses a concrete Go version (`go` prefix optional). Returns null for anything else. */
export function parseGoVersion(input: string): GoVersion | null {
  const m = GO_VERSION_RE.exec(input.trim())
  if (!m) return null
  const [, major, minor, patch, kind, n] = m
  const text = input.trim().replace(/^go/, '')
  return {
    major: Number(major),
    minor: Number(minor),
    patch: patch === undefined ? 0 : Number(patch),
    pre: kind === undefined ? null : { kind: kind as PreKind, n: Number(n) },
    text
  }
}

/** Orders Go versions: 1.27beta1 < 1.27rc1 < 1.27.0 == 1.27 < 1.27.1. Returns <0, 0 or >0. */
export function compareGoVersions(a: GoVersion, b: GoVersion): number {
  if (a.major !== b.major) return a.major - b.major
  if (a.minor !== b.minor) return a.minor - b.minor
  if (a.patch !== b.patch) return a.patch - b.patch
  if (a.pre === null || b.pre === null) {
    if (a.pre === b.pre) return 0
    // A release sorts after every pre-release of the same numbers.
    return a.pre === null ? 1 : -1
  }
  if (a.pre.kind !== b.pre.kind) return a.pre.kind === 'beta' ? -1 : 1
  return a.pre.n - b.pre.n
}

/**
 * The semver string @actions/tool-cache stores a Go version under, matching actions/setup-go's
 * `makeSemver` so Go preinstalled on hosted runners is found: 1.20 → 1.20.0, 1.27rc1 → 1.27.0-rc.1.
 */
export function toSemver(v: GoVersion): string {
  const base = `${v.major}.${v.minor}.${v.patch}`
  return v.pre ? `${base}-${v.pre.kind}.${v.pre.n}` : base
}

const SEMVER_RE = /^v?(\d+)\.(\d+)\.(\d+)(?:-(beta|rc)\.?(\d+))?$/

/** Inverse of {@link toSemver} for tool-cache directory names; null for foreign names. */
export function fromSemver(input: string): GoVersion | null {
  const m = SEMVER_RE.exec(input.trim())
  if (!m) return null
  const [, major, minor, patch, kind, n] = m
  const pre = kind === undefined ? null : { kind: kind as PreKind, n: Number(n) }
  // Go never numbered a pre-release of a `.0` release with a patch part: go1.27rc1, not go1.27.0rc1.
  const numbers = pre && patch === '0' ? `${major}.${minor}` : `${major}.${minor}.${patch}`
  const text = pre ? `${numbers}${pre.kind}${pre.n}` : numbers
  return { major: Number(major), minor: Number(minor), patch: Number(patch), pre, text }
}

/** The `major.minor` line a version belongs to, e.g. `1.26`. */
export function minorLine(v: GoVersion): string {
  return `${v.major}.${v.minor}`
}
