import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { affectedPackages, parsePackageList } from '../../src/races/affected.js'
import { escapeRegexp, goTestArgs, runPattern } from '../../src/races/go-test-args.js'
import { loadFixture, TESTDATA } from './helpers.js'

const golist = readFileSync(join(TESTDATA, 'fixtures/evolve-head.golist.txt'), 'utf8')
const headDir = loadFixture('evolve-head').meta.moduleDir
const CALM = 'example.com/racefix/evolve/calm'
const STORE = 'example.com/racefix/evolve/store'

describe('affectedPackages (race-base: affected)', () => {
  const graph = parsePackageList(golist)
  const run = (changedFiles: string[] | null, raced: string[] = [], moduleDir = '') =>
    affectedPackages({ graph, headDir, moduleDir, changedFiles, packages: [CALM, STORE], raced })

  it('reads directories and test dependencies from real go list output', () => {
    expect(graph.dirs.get(STORE)).toBe(`${headDir}/store`)
    expect(graph.testDeps.get(STORE)?.has('sync')).toBe(true)
    expect(graph.testDeps.get(STORE)?.has(STORE)).toBe(true)
  })

  it('selects changed packages, raced packages, and nothing else', () => {
    expect(run(['store/store.go'])).toEqual([STORE])
    expect(run(['calm/calm_test.go'])).toEqual([CALM])
    expect(run(['README.md'])).toEqual([])
    expect(run(['README.md'], [STORE])).toEqual([STORE])
    expect(run(['calm/testdata/golden.txt'])).toEqual([CALM])
  })

  it('selects everything when go.mod changed or the changes are unknown', () => {
    expect(run(['go.mod'])).toEqual([CALM, STORE])
    expect(run(null)).toEqual([CALM, STORE])
  })

  it('maps repository-relative paths through the module directory', () => {
    expect(run(['svc/store/store.go'], [], 'svc')).toEqual([STORE])
    expect(run(['store/store.go'], [], 'svc')).toEqual([]) // outside the module
  })

  it('selects packages whose tests depend on a changed package', () => {
    const g = parsePackageList(
      [`m/a\t/r/a\t`, `m/b\t/r/b\tm/a`, `m/b.test\t/r/b\tm/a m/b testing`, `m/c\t/r/c\t`].join('\n')
    )
    const sel = affectedPackages({
      graph: g,
      headDir: '/r',
      moduleDir: '',
      changedFiles: ['a/a.go'],
      packages: ['m/a', 'm/b', 'm/c'],
      raced: []
    })
    expect(sel).toEqual(['m/a', 'm/b'])
  })
})

describe('go test arguments', () => {
  it('escapes regexp metacharacters in test names', () => {
    expect(escapeRegexp('Test(x)|y.z*[a]^$')).toBe('Test\\(x\\)\\|y\\.z\\*\\[a\\]\\^\\$')
    expect(runPattern(['TestB', 'TestA'])).toBe('^(TestA|TestB)$')
    expect(runPattern([])).toBe('^$')
  })

  it('orders user flags before ours so -run/-count/-timeout win, packages last', () => {
    const args = goTestArgs({
      config: { buildFlags: ['-tags', 'a b'], testFlags: ['-run', 'X', '-v'], testTimeout: '10m' },
      packages: ['m/a'],
      count: 3,
      run: '^(TestA)$'
    })
    expect(args).toEqual([
      'test',
      '-race',
      '-json',
      '-tags',
      'a b',
      '-run',
      'X',
      '-v',
      '-count=3',
      '-timeout=10m',
      '-run=^(TestA)$',
      'm/a'
    ])
  })

  it('refuses a package that looks like a flag', () => {
    expect(() =>
      goTestArgs({
        config: { buildFlags: [], testFlags: [], testTimeout: '1m' },
        packages: ['-exec=evil'],
        count: 1,
        run: null
      })
    ).toThrow(/flag/)
  })
})
