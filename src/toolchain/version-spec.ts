/**
 * The `go-version` input grammar: exact versions, minor lines, semver-like ranges and the
 * `stable`/`oldstable` aliases, evaluated against Go versions. Pure.
 *
 * Semantics follow actions/setup-go (which hands the spec to `semver`): `1.26` and `1.26.x` mean
 * "newest 1.26.x", `1.26.0` means exactly 1.26.0. Pre-releases only match when the spec itself
 * names one (`1.27rc1`, `>=1.27rc1`), like semver's default.
 */
import { compareGoVersions, type GoVersion, type PreKind } from './go-version.js'

export type Alias = 'stable' | 'oldstable'
export type Operator = '>=' | '>' | '<' | '<='

export interface Comparator {
  op: Operator
  version: GoVersion
}

/** A parsed `go-version`. */
export type VersionSpec =
  | { kind: 'alias'; alias: Alias; raw: string }
  | { kind: 'exact'; version: GoVersion; raw: string }
  | {
      kind: 'range'
      /** Alternatives (`||`); each is a list of comparators that must all hold. */
      anyOf: Comparator[][]
      includePrerelease: boolean
      raw: string
    }

/** A spec that can be checked against one version without the release list. */
export type ConcreteSpec = Exclude<VersionSpec, { kind: 'alias' }>

/** The accepted forms, for error messages (the config parser and the setup step use it). */
export const GO_VERSION_SPEC_HELP =
  'a Go version (1.26.8 or go1.26.8), a minor line (1.26 or 1.26.x), a range (>=1.24, ' +
  "'>=1.24 <1.26', ~1.25.1, ^1.24), a pre-release (1.27rc1, 1.27beta1), stable or oldstable"

/** True when `spec` is a non-empty `go-version` value this action understands. */
export function isValidGoVersionSpec(spec: string): boolean {
  return parseVersionSpec(spec) !== null
}

interface Partial {
  major: number
  minor: number | null
  patch: number | null
  pre: { kind: PreKind; n: number } | null
}

const WILD = '(\\d+|[xX*])'
const PARTIAL_RE = new RegExp(`^(?:go)?(\\d+)(?:\\.${WILD})?(?:\\.${WILD})?(?:(beta|rc)(\\d+))?$`)

function parsePartial(token: string): Partial | null {
  const m = PARTIAL_RE.exec(token)
  if (!m) return null
  const [, major, minorRaw, patchRaw, kind, n] = m
  const num = (s: string | undefined): number | null =>
    s === undefined || /^[xX*]$/.test(s) ? null : Number(s)
  const minor = num(minorRaw)
  const patch = num(patchRaw)
  const pre = kind === undefined ? null : { kind: kind as PreKind, n: Number(n) }
  // `1.x.3` is meaningless, and a pre-release needs at least major.minor (`1.27rc1`).
  if (minor === null && patchRaw !== undefined && patch !== null) return null
  if (pre && (minor === null || (patchRaw !== undefined && patch === null))) return null
  return { major: Number(major), minor, patch, pre }
}

function version(
  major: number,
  minor: number,
  patch: number | null,
  pre: Partial['pre']
): GoVersion {
  // Keep the spelling: `1.21.0` stays `1.21.0` (go1.21 never existed), `1.20` stays `1.20`.
  const text = `${major}.${minor}${patch === null ? '' : `.${patch}`}${pre ? `${pre.kind}${pre.n}` : ''}`
  return { major, minor, patch: patch ?? 0, pre, text }
}

// `beta0` never exists, so `1.27beta0` sits below every 1.27 release and pre-release: the
// exclusive upper bound of the 1.26.x line.
const FLOOR = { kind: 'beta' as const, n: 0 }

function isFull(p: Partial): boolean {
  return p.minor !== null && (p.patch !== null || p.pre !== null)
}
function low(p: Partial): GoVersion {
  return version(p.major, p.minor ?? 0, p.patch, p.pre)
}
/** The first version after everything the partial covers. */
function next(p: Partial): GoVersion {
  if (p.minor === null) return version(p.major + 1, 0, null, FLOOR)
  return version(p.major, p.minor + 1, null, FLOOR)
}

function comparatorsFor(op: string, p: Partial): Comparator[] {
  const lo = low(p)
  switch (op) {
    case '':
    case '=':
      return isFull(p)
        ? [
            { op: '>=', version: lo },
            { op: '<=', version: lo }
          ]
        : [
            { op: '>=', version: lo },
            { op: '<', version: next(p) }
          ]
    case '>=':
      return [{ op: '>=', version: lo }]
    case '>':
      return [isFull(p) ? { op: '>', version: lo } : { op: '>=', version: next(p) }]
    case '<':
      return [{ op: '<', version: lo }]
    case '<=':
      return [isFull(p) ? { op: '<=', version: lo } : { op: '<', version: next(p) }]
    case '~':
      return [
        { op: '>=', version: lo },
        {
          op: '<',
          version: p.minor === null ? next(p) : version(p.major, p.minor + 1, null, FLOOR)
        }
      ]
    default: // '^': Go has one major version, so ^1.24 is simply >=1.24.0.
      return [
        { op: '>=', version: lo },
        { op: '<', version: version(p.major + 1, 0, null, FLOOR) }
      ]
  }
}

const TOKEN_RE = /^(>=|<=|>|<|=|~|\^)?(.+)$/

/** Parses a `go-version` value; null when it is empty or not one of {@link GO_VERSION_SPEC_HELP}. */
export function parseVersionSpec(input: string): VersionSpec | null {
  const raw = input.trim()
  if (raw === '') return null
  const lower = raw.toLowerCase()
  if (lower === 'stable' || lower === 'oldstable') return { kind: 'alias', alias: lower, raw }
  // `>= 1.24` is written with a space often enough to accept it.
  const normalised = raw.replace(/(>=|<=|>|<|=|~|\^)\s+/g, '$1')
  const anyOf: Comparator[][] = []
  let includePrerelease = false
  for (const alternative of normalised.split('||')) {
    const tokens = alternative.trim().split(/\s+/).filter(Boolean)
    if (tokens.length === 0) return null
    const all: Comparator[] = []
    for (const token of tokens) {
      const [, op = '', rest] = TOKEN_RE.exec(token) ?? []
      const p = rest === undefined ? null : parsePartial(rest)
      if (!p) return null
      if (p.pre) includePrerelease = true
      all.push(...comparatorsFor(op, p))
    }
    anyOf.push(all)
  }
  const only = anyOf.length === 1 && anyOf[0].length === 2 ? anyOf[0] : null
  if (only && only[0].op === '>=' && only[1].op === '<=' && same(only[0], only[1])) {
    return { kind: 'exact', version: only[0].version, raw }
  }
  return { kind: 'range', anyOf, includePrerelease, raw }
}

function same(a: Comparator, b: Comparator): boolean {
  return compareGoVersions(a.version, b.version) === 0
}

function holds(c: Comparator, v: GoVersion): boolean {
  const d = compareGoVersions(v, c.version)
  if (c.op === '>=') return d >= 0
  if (c.op === '>') return d > 0
  if (c.op === '<') return d < 0
  return d <= 0
}

/** Whether the concrete version `v` satisfies the (non-alias) spec. */
export function matchesSpec(spec: ConcreteSpec, v: GoVersion): boolean {
  if (spec.kind === 'exact') return compareGoVersions(spec.version, v) === 0
  if (v.pre && !spec.includePrerelease) return false
  return spec.anyOf.some((all) => all.every((c) => holds(c, v)))
}
