import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  compareGoVersions,
  fromSemver,
  parseGoVersion,
  toSemver,
  type GoVersion
} from '../../src/toolchain/go-version.js'
import { matchesSpec, parseVersionSpec } from '../../src/toolchain/version-spec.js'

/** Go release names as go.dev spells them: go1.N (old), go1.N.P, go1.NrcK, go1.NbetaK. */
const goName = fc
  .tuple(
    fc.integer({ min: 0, max: 40 }),
    fc.integer({ min: 0, max: 20 }),
    fc.constantFrom('none', 'patch', 'rc', 'beta')
  )
  .map(([minor, n, form]) => {
    if (form === 'patch') return `go1.${minor}.${n}`
    if (form === 'rc') return `go1.${minor}rc${n + 1}`
    if (form === 'beta') return `go1.${minor}beta${n + 1}`
    return `go1.${minor}`
  })
const parse = (s: string): GoVersion => parseGoVersion(s) as GoVersion

describe('Go version ordering (properties)', () => {
  it('is a total order consistent with the semver round trip', () => {
    fc.assert(
      fc.property(goName, goName, goName, (a, b, c) => {
        const [x, y, z] = [parse(a), parse(b), parse(c)]
        expect(Math.sign(compareGoVersions(x, y)) + Math.sign(compareGoVersions(y, x))).toBe(0)
        if (compareGoVersions(x, y) <= 0 && compareGoVersions(y, z) <= 0) {
          expect(compareGoVersions(x, z)).toBeLessThanOrEqual(0)
        }
        expect(compareGoVersions(fromSemver(toSemver(x)) as GoVersion, x)).toBe(0)
      })
    )
  })

  it('an exact spec matches exactly its own version; a minor line its own releases', () => {
    fc.assert(
      fc.property(goName, goName, (a, b) => {
        const [x, y] = [parse(a), parse(b)]
        const exact = parseVersionSpec(a)
        if (exact?.kind === 'exact')
          expect(matchesSpec(exact, y)).toBe(compareGoVersions(x, y) === 0)
        const line = parseVersionSpec(`${x.major}.${x.minor}.x`)
        if (line && line.kind !== 'alias') {
          expect(matchesSpec(line, y)).toBe(y.pre === null && y.minor === x.minor)
        }
      })
    )
  })
})
