import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  closestVersions,
  goPlatform,
  localGoSatisfies,
  parseGoVersionOutput,
  parseReleaseList,
  ReleaseListError,
  resolveAlias,
  resolveSpec
} from '../../src/toolchain/resolve.js'
import { parseGoVersion } from '../../src/toolchain/go-version.js'
import { parseVersionSpec, type ConcreteSpec } from '../../src/toolchain/version-spec.js'

// go.dev list shape; see data/README.md for what is real and what is crafted.
const releases = parseReleaseList(
  JSON.parse(readFileSync(join(import.meta.dirname, 'data', 'go-dl-sample.json'), 'utf8'))
)
const linux = goPlatform('linux', 'x64')
const spec = (s: string): ConcreteSpec => parseVersionSpec(s) as ConcreteSpec

describe('goPlatform', () => {
  it.each([
    ['linux', 'x64', 'linux', 'amd64', '.tar.gz'],
    ['linux', 'arm64', 'linux', 'arm64', '.tar.gz'],
    ['darwin', 'arm64', 'darwin', 'arm64', '.tar.gz'],
    ['win32', 'x64', 'windows', 'amd64', '.zip'],
    ['win32', 'ia32', 'windows', '386', '.zip'],
    ['linux', 'x86', 'linux', '386', '.tar.gz'],
    ['linux', 'x32', 'linux', '386', '.tar.gz'],
    ['linux', 'arm', 'linux', 'armv6l', '.tar.gz'],
    ['linux', 'ppc64', 'linux', 'ppc64le', '.tar.gz'],
    ['linux', 's390x', 'linux', 's390x', '.tar.gz'],
    ['freebsd', 'riscv64', 'freebsd', 'riscv64', '.tar.gz']
  ])('%s/%s → %s/%s %s', (platform, arch, os, goArch, ext) => {
    expect(goPlatform(platform, arch)).toEqual({ os, arch: goArch, ext })
  })
})

describe('resolveSpec against the go.dev list', () => {
  it.each([
    ['1.26', 'linux', 'x64', '1.26.8', 'go1.26.8.linux-amd64.tar.gz'],
    // go1.26.9 only ships linux/arm64 in the sample, so arm64 gets it and amd64 does not.
    ['1.26', 'linux', 'arm64', '1.26.9', 'go1.26.9.linux-arm64.tar.gz'],
    ['1.26.x', 'win32', 'x64', '1.26.8', 'go1.26.8.windows-amd64.zip'],
    ['>=1.24', 'darwin', 'arm64', '1.26.8', 'go1.26.8.darwin-arm64.tar.gz'],
    ['1.25', 'linux', 'ppc64', '1.25.4', 'go1.25.4.linux-ppc64le.tar.gz'],
    ['1.26.7', 'linux', 'x64', '1.26.7', 'go1.26.7.linux-amd64.tar.gz'],
    ['go1.20', 'linux', 'x64', '1.20.14', 'go1.20.14.linux-amd64.tar.gz'],
    ['1.20.0', 'linux', 'x64', '1.20', 'go1.20.linux-amd64.tar.gz'],
    ['1.27rc1', 'win32', 'ia32', '1.27rc1', 'go1.27rc1.windows-386.zip'],
    ['1.21', 'linux', 'x64', '1.21.0', 'go1.21.0.linux-amd64.tar.gz'],
    ['1.14', 'win32', 'x64', '1.14', 'go1.14.windows-amd64.zip']
  ])('%s on %s/%s → %s', (s, platform, arch, version, filename) => {
    const hit = resolveSpec(spec(s), releases, goPlatform(platform, arch))
    expect(hit?.version.text).toBe(version)
    expect(hit?.file).toMatchObject({ filename, kind: 'archive' })
    expect(hit?.file.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('never picks installers or source tarballs', () => {
    const hit = resolveSpec(spec('1.14'), releases, goPlatform('darwin', 'x64'))
    expect(hit?.file.filename).toBe('go1.14.darwin-amd64.tar.gz')
    expect(resolveSpec(spec('1.14'), releases, goPlatform('linux', 'arm64'))).toBeUndefined()
  })

  it('returns nothing for versions go.dev does not have', () => {
    expect(resolveSpec(spec('1.99.1'), releases, linux)).toBeUndefined()
    expect(resolveSpec(spec('1.26.9'), releases, linux)).toBeUndefined()
    expect(resolveSpec(spec('1.28'), releases, linux)).toBeUndefined()
  })
})

describe('aliases', () => {
  it('stable = newest release with an archive for the platform; rc skipped', () => {
    expect(resolveAlias('stable', releases, linux)?.version.text).toBe('1.26.8')
    expect(resolveAlias('stable', releases, goPlatform('linux', 'arm64'))?.version.text).toBe(
      '1.26.9'
    )
  })

  it('oldstable = newest release of the previous minor line', () => {
    expect(resolveAlias('oldstable', releases, linux)?.version.text).toBe('1.25.4')
    expect(resolveAlias('oldstable', releases, goPlatform('darwin', 'arm64'))?.version.text).toBe(
      '1.25.4'
    )
  })

  it('nothing for a platform go.dev does not serve', () => {
    expect(resolveAlias('stable', releases, goPlatform('aix', 'ppc64'))).toBeUndefined()
  })
})

describe('closestVersions', () => {
  it('suggests neighbours of a missing version, newest first, releases only', () => {
    // Same line first, then the nearest line on either side (ties: the newer one).
    expect(closestVersions(parseGoVersion('1.25.9'), releases, linux, 3)).toEqual([
      '1.26.8',
      '1.25.4',
      '1.25.3'
    ])
    expect(closestVersions(parseGoVersion('1.99.1'), releases, linux, 2)).toEqual([
      '1.26.8',
      '1.26.7'
    ])
    // With nothing to be near to, the newest releases.
    expect(closestVersions(null, releases, linux, 3)).toEqual(['1.26.8', '1.26.7', '1.25.4'])
    // Asking for a pre-release lets pre-releases be suggested.
    expect(closestVersions(parseGoVersion('1.27rc3'), releases, linux, 1)).toEqual(['1.27rc1'])
  })
})

describe('parseReleaseList', () => {
  it('refuses something that is not the version list', () => {
    expect(() => parseReleaseList({ error: 'rate limited' })).toThrow(ReleaseListError)
    expect(() => parseReleaseList([{ version: 'go1.26.8' }])).toThrow('entry 0')
  })
})

describe('go version output', () => {
  it('parses the output of the go on this machine', () => {
    const real = execFileSync('go', ['version'], {
      encoding: 'utf8',
      env: { ...process.env, GOTOOLCHAIN: 'local' }
    })
    const parsed = parseGoVersionOutput(real)
    expect(parsed?.version?.major).toBe(1)
    expect(real).toContain(`go${parsed?.name} ${parsed?.os}/${parsed?.arch}`)
  })

  it('parses the recorded output, experiments, devel and custom builds', () => {
    const recorded = readFileSync(
      join(
        import.meta.dirname,
        '..',
        'testdata',
        'toolchain',
        'versionfiles',
        'go-version-output.txt'
      ),
      'utf8'
    )
    expect(parseGoVersionOutput(recorded)).toMatchObject({
      name: '1.26.8',
      os: 'linux',
      arch: 'amd64',
      version: { text: '1.26.8' }
    })
    expect(parseGoVersionOutput('go version go1.22.0 X:loopvar linux/amd64')).toMatchObject({
      version: { text: '1.22.0' }
    })
    expect(
      parseGoVersionOutput(
        'go version devel go1.27-8f3a2b1 Tue Nov 3 10:00:00 2026 +0000 darwin/arm64'
      )
    ).toMatchObject({ version: null, name: 'devel', os: 'darwin', arch: 'arm64' })
    expect(parseGoVersionOutput('go version go1.26.8-fips linux/amd64')?.version?.text).toBe(
      '1.26.8'
    )
    expect(parseGoVersionOutput('bash: go: command not found')).toBeNull()
  })

  it('local Go satisfies a spec', () => {
    const out = 'go version go1.26.8 linux/amd64\n'
    expect(localGoSatisfies(spec('1.26'), out)).toBe(true)
    expect(localGoSatisfies(spec('>=1.24'), out)).toBe(true)
    expect(localGoSatisfies(spec('1.26.7'), out)).toBe(false)
    expect(localGoSatisfies(spec('1.25.x'), out)).toBe(false)
    expect(localGoSatisfies(spec('1.26'), 'go version devel go1.27-abc linux/amd64')).toBe(false)
  })
})
