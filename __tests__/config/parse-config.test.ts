import { describe, expect, it } from 'vitest'
import { INPUTS } from '../../src/config/defaults.js'
import { parseConfig } from '../../src/config/parse-config.js'
import { ConfigError } from '../../src/domain/errors.js'

function errorsOf(raw: Parameters<typeof parseConfig>[0]): string[] {
  try {
    parseConfig(raw)
  } catch (e) {
    if (e instanceof ConfigError) return e.problems
    throw e
  }
  return []
}

describe('parseConfig', () => {
  it('turns the defaults into a typed config', () => {
    const c = parseConfig({})
    expect(c.packages).toEqual(['./...'])
    expect(c.race).toBe(true)
    expect(c.raceCount).toBe(1)
    expect(c.raceBase).toBe('affected')
    expect(c.raceConfirm).toBe(3)
    expect(c.testTimeoutMs).toBe(600_000)
    expect(c.benchCount).toBe(10)
    expect(c.gcVariants.map((v) => v.label)).toEqual(['GOGC=100', 'GOGC=25'])
    expect(c.gcVariants[0].env).toEqual({ GOGC: '100' })
    expect(c.profiles).toEqual(['cpu', 'mem'])
    expect(c.timeThreshold).toBeCloseTo(0.1)
    expect(c.allocThreshold).toBeCloseTo(0.05)
    expect(c.alpha).toBe(0.05)
    expect(c.mode).toBe('check')
    expect(c.shard).toBeNull()
    expect(c.workingDirectory).toBe('.')
  })

  it.each([
    ['bench-count', 'zero', 'bench-count: "zero" is not a positive whole number'],
    ['bench-count', '0', 'bench-count: "0" is not a positive whole number'],
    [
      'gc-variants',
      'fast',
      'gc-variants: "fast" is not GOGC[/GOMEMLIMIT] (GOGC: a whole number or off; GOMEMLIMIT: a size like 512MiB)'
    ],
    ['gc-variants', '100/lots', 'gc-variants: "100/lots" is not GOGC[/GOMEMLIMIT]'],
    ['time-threshold', 'ten percent', 'time-threshold: "ten percent" is not a percentage like 10%'],
    ['race-base', 'sometimes', 'race-base: "sometimes" is not one of affected, full, off'],
    ['race', 'yes', 'race: "yes" is not a boolean'],
    ['test-timeout', '10 minutes', 'test-timeout: "10 minutes" is not a Go duration'],
    [
      'benchtime',
      '0s',
      'benchtime: "0s" is not a Go duration like 200ms or an iteration count like 1000x'
    ],
    ['alpha', '5%', 'alpha: "5%" is not a number between 0 and 1'],
    ['shard', '3/2', 'shard: "3/2" is not i/n with 1 ≤ i ≤ n'],
    ['shard', 'first', 'shard: "first" is not i/n'],
    ['mode', 'comment', 'mode: "comment" is not one of check, report'],
    ['profiles', 'cpu,block', 'profiles: "block" is not one of cpu, mem'],
    [
      'artifact-retention-days',
      '500',
      'artifact-retention-days: "500" is not a whole number from 0 to 400'
    ],
    ['go-version', 'latest-ish', 'go-version: "latest-ish" is not a Go version spec'],
    [
      'working-directory',
      '../elsewhere',
      'working-directory: "../elsewhere" is not a path inside the workspace'
    ],
    [
      'base-ref',
      '--upload-pack=evil',
      'base-ref: "--upload-pack=evil" is not a branch, tag or commit SHA'
    ],
    ['build-flags', '-tags="a b', 'build-flags: "-tags="a b" has an unterminated quote'],
    ['packages', '-race', 'packages: "-race" contains a flag']
  ] as const)('refuses %s=%j naming the input and the accepted forms', (name, value, message) => {
    const errors = errorsOf({ [name]: value })
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(message)
  })

  it('reports every bad input of one run together', () => {
    const errors = errorsOf({
      'bench-count': 'zero',
      'gc-variants': 'fast',
      'race-base': 'sometimes'
    })
    expect(errors.map((e) => e.split(':')[0]).sort()).toEqual([
      'bench-count',
      'gc-variants',
      'race-base'
    ])
  })

  it('accepts the documented forms', () => {
    const c = parseConfig({
      'go-version': '>=1.24',
      'gc-variants': '100, 25, off/1GiB, 50/512MiB',
      'time-threshold': '2.5%',
      race: 'False',
      'build-flags': `-tags 'integration slow' -ldflags="-X main.v=1"`,
      'test-flags': '-short',
      benchtime: '1000x',
      shard: '2/3',
      profiles: '',
      'working-directory': './services/api/'
    })
    expect(c.gcVariants.map((v) => v.label)).toEqual([
      'GOGC=100',
      'GOGC=25',
      'GOGC=off GOMEMLIMIT=1GiB',
      'GOGC=50 GOMEMLIMIT=512MiB'
    ])
    expect(c.timeThreshold).toBeCloseTo(0.025)
    expect(c.race).toBe(false)
    expect(c.buildFlags).toEqual(['-tags', 'integration slow', '-ldflags=-X main.v=1'])
    expect(c.shard).toEqual({ index: 2, total: 3 })
    expect(c.profiles).toEqual([])
    expect(c.workingDirectory).toBe('services/api')
  })

  it('runs off without a limit under GOMEMLIMIT=1GiB so the runner cannot be exhausted', () => {
    const c = parseConfig({ 'gc-variants': 'off' })
    expect(c.gcVariants[0]).toEqual({
      label: 'GOGC=off GOMEMLIMIT=1GiB',
      gogc: 'off',
      gomemlimit: '1GiB',
      env: { GOGC: 'off', GOMEMLIMIT: '1GiB' }
    })
  })

  it('keeps an explicitly empty bench (benchmarks disabled)', () => {
    expect(parseConfig({ bench: '' }).bench).toBe('')
    expect(INPUTS.bench.default).toBe('.')
  })
})
