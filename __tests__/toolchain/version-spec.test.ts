import { describe, expect, it } from 'vitest'
import {
  compareGoVersions,
  fromSemver,
  parseGoVersion,
  toSemver,
  type GoVersion
} from '../../src/toolchain/go-version.js'
import {
  GO_VERSION_SPEC_HELP,
  isValidGoVersionSpec,
  matchesSpec,
  parseVersionSpec,
  type ConcreteSpec
} from '../../src/toolchain/version-spec.js'

const v = (s: string): GoVersion => {
  const parsed = parseGoVersion(s)
  if (!parsed) throw new Error(`bad version ${s}`)
  return parsed
}

describe('Go versions', () => {
  it('parses release, old-style and pre-release names', () => {
    expect(v('go1.26.8')).toMatchObject({
      major: 1,
      minor: 26,
      patch: 8,
      pre: null,
      text: '1.26.8'
    })
    expect(v('1.20')).toMatchObject({ minor: 20, patch: 0, pre: null, text: '1.20' })
    expect(v('go1.27rc1')).toMatchObject({ minor: 27, patch: 0, pre: { kind: 'rc', n: 1 } })
    expect(v('go1.9.2rc2')).toMatchObject({ patch: 2, pre: { kind: 'rc', n: 2 } })
    for (const bad of ['', 'go', '1', 'go1.x', '1.26.8.1', 'devel', '1.26-rc1', 'v1.26.8']) {
      expect(parseGoVersion(bad), bad).toBeNull()
    }
  })

  it('orders beta < rc < release, and 1.20 == 1.20.0', () => {
    const sorted = ['go1.27.0', 'go1.27rc2', 'go1.26.10', 'go1.27beta1', 'go1.26.9', 'go1.27rc1']
      .map(v)
      .sort(compareGoVersions)
      .map((x) => x.text)
    expect(sorted).toEqual(['1.26.9', '1.26.10', '1.27beta1', '1.27rc1', '1.27rc2', '1.27.0'])
    expect(compareGoVersions(v('1.20'), v('1.20.0'))).toBe(0)
  })

  it('converts to and from the tool-cache semver like setup-go makeSemver', () => {
    const table: Array<[string, string, string]> = [
      ['1.26.8', '1.26.8', '1.26.8'],
      ['1.20', '1.20.0', '1.20.0'],
      ['1.27rc1', '1.27.0-rc.1', '1.27rc1'],
      ['1.21beta2', '1.21.0-beta.2', '1.21beta2'],
      ['1.9.2rc2', '1.9.2-rc.2', '1.9.2rc2']
    ]
    for (const [go, semver, back] of table) {
      expect(toSemver(v(go))).toBe(semver)
      expect(fromSemver(semver)?.text).toBe(back)
      expect(compareGoVersions(fromSemver(semver) as GoVersion, v(go))).toBe(0)
    }
    expect(fromSemver('1.26.8-custom')).toBeNull()
  })
})

describe('version specs', () => {
  const matching = (spec: string, versions: string[]): string[] => {
    const parsed = parseVersionSpec(spec) as ConcreteSpec
    return versions.filter((x) => matchesSpec(parsed, v(x)))
  }
  const pool = [
    '1.20',
    '1.20.14',
    '1.21rc2',
    '1.21.0',
    '1.24.10',
    '1.25.3',
    '1.25.4',
    '1.26rc2'
  ].concat(['1.26.7', '1.26.8', '1.27rc1'])

  it.each([
    ['1.26', ['1.26.7', '1.26.8']],
    ['go1.26', ['1.26.7', '1.26.8']],
    ['1.26.x', ['1.26.7', '1.26.8']],
    ['1.26.*', ['1.26.7', '1.26.8']],
    ['1.20', ['1.20', '1.20.14']],
    ['1.26.8', ['1.26.8']],
    ['go1.26.8', ['1.26.8']],
    ['1.20.0', ['1.20']],
    ['>=1.25', ['1.25.3', '1.25.4', '1.26.7', '1.26.8']],
    ['>= 1.25.4', ['1.25.4', '1.26.7', '1.26.8']],
    ['>1.25', ['1.26.7', '1.26.8']],
    ['<1.21', ['1.20', '1.20.14']],
    ['<=1.21', ['1.20', '1.20.14', '1.21.0']],
    ['>=1.24 <1.26', ['1.24.10', '1.25.3', '1.25.4']],
    ['~1.25.4', ['1.25.4']],
    ['^1.25', ['1.25.3', '1.25.4', '1.26.7', '1.26.8']],
    ['1.20.x || 1.24', ['1.20', '1.20.14', '1.24.10']],
    ['1.x', pool.filter((x) => !/rc/.test(x))],
    ['1.27rc1', ['1.27rc1']],
    ['go1.21rc2', ['1.21rc2']],
    ['>=1.26rc1', ['1.26rc2', '1.26.7', '1.26.8', '1.27rc1']]
  ])('%s matches %j', (spec, expected) => {
    expect(matching(spec, pool)).toEqual(expected)
  })

  it('classifies exact versions, ranges and aliases', () => {
    expect(parseVersionSpec('1.26.8')).toMatchObject({ kind: 'exact', version: { text: '1.26.8' } })
    expect(parseVersionSpec(' 1.27rc1 ')).toMatchObject({ kind: 'exact', raw: '1.27rc1' })
    expect(parseVersionSpec('1.21.0')?.kind).toBe('exact')
    expect(parseVersionSpec('1.26')?.kind).toBe('range')
    expect(parseVersionSpec('stable')).toEqual({ kind: 'alias', alias: 'stable', raw: 'stable' })
    expect(parseVersionSpec('OldStable')).toMatchObject({ kind: 'alias', alias: 'oldstable' })
  })

  it('accepts every documented form and refuses the rest', () => {
    const good = ['1.26', '1.25.x', '>=1.24', '1.26.8', 'go1.26.8', 'stable', 'oldstable']
    for (const s of [...good, '1.27rc1', '1.27beta1', '~1.25.1', '^1.24', '>=1.24 <1.26']) {
      expect(isValidGoVersionSpec(s), s).toBe(true)
    }
    const bad = ['', '  ', 'latest', 'go', 'abc', '>=', '1.x.3', '1.26.8.1', '1.26-rc1']
    for (const s of [...bad, '>=1.24 ||', 'x.1', '1.26.8 banana', 'rc1', '1rc1']) {
      expect(isValidGoVersionSpec(s), s).toBe(false)
    }
    expect(GO_VERSION_SPEC_HELP).toContain('stable or oldstable')
    expect(GO_VERSION_SPEC_HELP).toContain('1.26.x')
  })
})
