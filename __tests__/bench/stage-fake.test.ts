import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runBenchStage } from '../../src/bench/stage.js'
import { parseConfig } from '../../src/config/parse-config.js'
import type { Checkouts } from '../../src/domain/checkouts.js'
import type { ProcessRunner, RunResult, RunSpec } from '../../src/ports.js'
import { MemFs, silentLogger } from './fakes.js'
import { fixture, fixtureExit } from './helpers.js'

const ROOT = '/fake/evolve'
const OUT = '/fake/out'
const PACKAGES = [
  'example.com/evolve/buf',
  'example.com/evolve/flaky',
  'example.com/evolve/brokenbase',
  'example.com/evolve/nobench'
]

const result = (stdout: string, exitCode = 0, stderr = ''): RunResult => ({
  exitCode,
  signal: null,
  timedOut: false,
  stdout,
  stderr,
  truncated: false,
  durationMs: 1
})

/** Replays the real outputs recorded by generate.sh for the evolve module. */
class ReplayRunner implements ProcessRunner {
  readonly calls: RunSpec[] = []
  private readonly next = new Map<string, number>()
  constructor(
    private readonly fs: MemFs,
    private readonly benchstatFixture = 'benchstat-new.csv'
  ) {}

  async run(spec: RunSpec): Promise<RunResult> {
    this.calls.push(spec)
    const side = spec.cwd.startsWith(`${ROOT}/base`) ? 'base' : 'head'
    if (spec.command === 'go' && spec.args[0] === 'list') {
      return result(fixture(`evolve-${side}-golist.out`).replaceAll('@EVOLVE@', ROOT))
    }
    if (spec.command === 'go' && spec.args[0] === 'test') {
      const pkg = spec.args[spec.args.length - 1].split('/').pop()!
      const name = `evolve-${side}-${pkg}-build.out`
      const code = fixtureExit(name)
      if (code === 0) this.fs.files.set(spec.args[spec.args.indexOf('-o') + 1], 'binary')
      return result('', code, fixture(name))
    }
    if (spec.command === 'go' && spec.args[1] === 'pprof') {
      const kind = spec.args.includes('-sample_index=alloc_space') ? 'mem' : 'cpu'
      return result(fixture(`evolve-pprof-${kind}.out`))
    }
    if (spec.command.endsWith('benchstat')) {
      const csv = spec.args[0] === '-format'
      const name = csv ? this.benchstatFixture : 'benchstat-new.txt'
      return result(fixture(name), 0, fixture(`${name}.stderr`))
    }
    // A test binary: <out>/.bin/<side>/example.com_evolve_<pkg>-<hash>.test
    const binSide = path.basename(path.dirname(spec.command))
    const pkg = /evolve_([a-z]+)-/.exec(path.basename(spec.command))![1]
    if (spec.args[0].startsWith('-test.list'))
      return result(fixture(`evolve-${binSide}-${pkg}.list`))
    for (const a of spec.args) {
      const m = /^-test\.(?:cpu|mem)profile=(.*)$/.exec(a)
      if (m) this.fs.files.set(m[1], 'profile')
    }
    const key = `${binSide}-${pkg}`
    const i = this.next.get(key) ?? 0
    this.next.set(key, i + 1)
    const name = `evolve-${key}-${(i % 3) + 1}.out`
    return result(fixture(name), fixtureExit(name))
  }
}

function setup(benchstatFixture?: string) {
  const fs = new MemFs()
  const runner = new ReplayRunner(fs, benchstatFixture)
  const config = parseConfig({ 'bench-count': '4', 'gc-variants': '100,off', benchtime: '2000x' })
  const checkouts: Checkouts = {
    headRepo: `${ROOT}/head`,
    headDir: `${ROOT}/head`,
    headSha: 'h',
    baseRepo: `${ROOT}/base`,
    baseDir: `${ROOT}/base`,
    baseSha: 'b',
    baseUnavailableReason: null,
    changedFiles: null,
    moduleDir: ''
  }
  const run = () =>
    runBenchStage(
      { config, checkouts, packages: PACKAGES, outDir: OUT },
      { runner, logger: silentLogger, fs, benchstat: '/tools/benchstat' }
    )
  return { fs, runner, run }
}

describe('runBenchStage with a fake runner replaying real Go output', () => {
  it('builds once per side, interleaves ABBA rounds per variant, and sets env, cwd and flags', async () => {
    const { runner, run } = setup()
    await run()
    const builds = runner.calls.filter((c) => c.command === 'go' && c.args[0] === 'test')
    expect(builds.map((c) => `${c.cwd.split('/').pop()} ${c.args.at(-1)}`).sort()).toEqual(
      ['base', 'head'].flatMap((s) => PACKAGES.map((p) => `${s} ${p}`)).sort()
    )
    for (const b of builds) expect(b.env?.GODEBUG).toBeUndefined()
    const runs = runner.calls.filter(
      (c) => c.args.includes('-test.count=1') && !c.args.some((a) => a.includes('profile'))
    )
    const bufRuns = runs.filter((c) => c.cwd.endsWith('/buf'))
    // 2 variants × 4 rounds × 2 sides initially, then confirmation rounds.
    const initial = bufRuns.slice(0, 16)
    expect(
      initial.map((c) => `${c.env!.GOGC}:${c.cwd.includes('/base/') ? 'A' : 'B'}`).join(' ')
    ).toBe(
      '100:A 100:B 100:B 100:A 100:A 100:B 100:B 100:A off:A off:B off:B off:A off:A off:B off:B off:A'
    )
    for (const c of runs) {
      expect(c.mergeStderr).toBe(true)
      expect(c.env!.GODEBUG).toBe('gctrace=1')
      expect(c.args).toEqual(
        expect.arrayContaining(['-test.run=^$', '-test.benchtime=2000x', '-test.benchmem'])
      )
      expect(c.cwd).toMatch(/\/(base|head)\/(buf|flaky)$/)
    }
    const off = runs.find((c) => c.env!.GOGC === 'off')!
    expect(off.env!.GOMEMLIMIT).toBeTruthy()
  })

  it('finds the allocate-in-loop regression, leaves the unchanged benchmark alone, reports bad input clearly', async () => {
    const { fs, runner, run } = setup()
    const r = await run()
    const find = (variant: string, bench: string, unit: string) =>
      r.section.comparisons.find(
        (c) => c.variant === variant && c.benchmark === bench && c.unit === unit
      )!
    for (const v of ['GOGC=100', 'GOGC=off GOMEMLIMIT=1GiB']) {
      for (const unit of ['B/op', 'allocs/op']) {
        expect(find(v, 'BenchmarkEncode', unit)).toMatchObject({
          verdict: 'regression',
          confirmed: true,
          kind: 'alloc'
        })
      }
      for (const unit of ['B/op', 'allocs/op', 'gc-cycles/op']) {
        expect(find(v, 'BenchmarkSteady', unit).verdict).toBe('unchanged')
      }
    }
    expect(r.section.enabled).toBe(true)
    expect(r.section.rounds).toBe(4)
    expect(Object.keys(r.section.benchstatText)).toEqual(['GOGC=100', 'GOGC=off GOMEMLIMIT=1GiB'])
    const problems = r.problems.map((p) => [p.kind, p.side, p.package, p.blocking])
    expect(problems).toContainEqual([
      'build-failed',
      'base',
      'example.com/evolve/brokenbase',
      false
    ])
    expect(problems).toContainEqual(['bench-failed', 'head', 'example.com/evolve/flaky', true])
    expect(problems).toContainEqual(['panic', 'head', 'example.com/evolve/flaky', true])
    expect(r.problems.find((p) => p.kind === 'bench-failed')!.message).toMatch(
      /BenchmarkFailsOnHead failed on head/
    )
    expect(r.section.notes).toEqual(
      expect.arrayContaining([
        'example.com/evolve/nobench: no benchmarks match "."',
        expect.stringMatching(/brokenbase: not compared/),
        expect.stringMatching(/BenchmarkPanicsOnHead \(GOGC=100\): only measured on base/)
      ])
    )
    // Profiles and their diff for the regressed benchmark; every artifact file exists.
    const regressed = new Set(
      r.section.comparisons.filter((c) => c.verdict === 'regression').map((c) => c.benchmark)
    )
    expect(r.section.profiles.map((p) => [p.benchmark, p.profile])).toEqual(
      [...regressed].flatMap((b) => [
        [b, 'cpu'],
        [b, 'mem']
      ])
    )
    const mem = r.section.profiles.find(
      (p) => p.benchmark === 'BenchmarkEncode' && p.profile === 'mem'
    )!
    expect(mem.top.join('\n')).toMatch(/buf\.\(\*Encoder\)\.Encode/)
    // For the diff, head repeats exactly the iteration count base reported.
    const profiled = runner.calls.filter(
      (c) =>
        c.args.some((a) => a.startsWith('-test.cpuprofile=')) &&
        c.args.some((a) => a.startsWith('-test.bench=') && a.includes('Encode'))
    )
    expect(profiled.map((c) => (c.cwd.includes('/base/') ? 'base' : 'head'))).toEqual([
      'base',
      'head'
    ])
    expect(profiled[1].args.find((a) => a.startsWith('-test.benchtime='))).toMatch(
      /^-test\.benchtime=[1-9]\d*x$/
    )
    expect(mem.top[0]).not.toMatch(/^File:/)
    for (const f of r.artifactFiles) expect(fs.files.has(f), f).toBe(true)
    expect(r.artifactFiles.filter((f) => f.endsWith('.pprof')).length).toBeGreaterThanOrEqual(4)
    const headFile = r.artifactFiles.find((f) => /bench-GOGC_100-.*-initial-head\.txt$/.test(f))!
    expect(await fs.readFile(headFile)).toMatch(/^side: head\ngc-variant: GOGC=100\n/)
  })

  it('turns a benchstat that failed with exit 0 into a blocking tool error', async () => {
    const { run } = setup('benchstat-missing.csv')
    const r = await run()
    const p = r.problems.filter((x) => x.kind === 'tool-error' && x.blocking)
    expect(p).toHaveLength(2)
    expect(p[0].message).toMatch(/benchstat \(GOGC=100\): benchstat: open no-such-file.txt/)
  })

  it('does nothing when bench is empty and explains a missing base', async () => {
    const fs = new MemFs()
    const runner = new ReplayRunner(fs)
    const off = await runBenchStage(
      {
        config: parseConfig({ bench: '' }),
        checkouts: {} as Checkouts,
        packages: PACKAGES,
        outDir: OUT
      },
      { runner, logger: silentLogger, fs, benchstat: 'b' }
    )
    expect(off.section.enabled).toBe(false)
    expect(runner.calls).toEqual([])
  })
})
