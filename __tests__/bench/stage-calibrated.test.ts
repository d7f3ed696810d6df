/**
 * The bench stage on real Go with a duration benchtime: calibration, then one process per
 * benchmark with base's iteration count on both sides (calibrate.ts). Needs `go` on PATH and the
 * Go module proxy (benchstat).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NodeProcessRunner } from '../../src/adapters/process-runner.js'
import { nodeFileSystem } from '../../src/adapters/node-fs.js'
import { ensureBenchstat } from '../../src/bench/benchstat.js'
import { runBenchStage, type BenchStageResult } from '../../src/bench/stage.js'
import { parseConfig } from '../../src/config/parse-config.js'
import type { Checkouts } from '../../src/domain/checkouts.js'
import type { ProcessRunner, RunSpec } from '../../src/ports.js'
import { silentLogger } from './fakes.js'
import { TESTDATA } from './helpers.js'

const node = new NodeProcessRunner(process.env, { write: () => {} })
const calls: RunSpec[] = []
const runner: ProcessRunner = { run: (spec) => (calls.push(spec), node.run(spec)) }
const dirs: string[] = []
let benchstat: string

const checkouts = (base: string, head: string): Checkouts => ({
  headRepo: head,
  headDir: head,
  headSha: 'h',
  baseRepo: base,
  baseDir: base,
  baseSha: 'b',
  baseUnavailableReason: null,
  changedFiles: null,
  moduleDir: ''
})

async function stage(
  c: Checkouts,
  packages: string[],
  inputs: Record<string, string>
): Promise<BenchStageResult> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'bench-cal-'))
  dirs.push(outDir)
  return runBenchStage(
    {
      config: parseConfig({ 'gc-variants': '100', profiles: '', ...inputs }),
      checkouts: c,
      packages,
      outDir
    },
    { runner, logger: silentLogger, fs: nodeFileSystem, benchstat }
  )
}

const arg = (c: RunSpec, flag: string) =>
  c.args.find((a) => a.startsWith(`-test.${flag}=`))?.slice(flag.length + 7)
const sideOf = (c: RunSpec) => (c.command.includes('/.bin/base/') ? 'base' : 'head')

beforeAll(async () => {
  const goVersion = (
    await node.run({ command: 'go', args: ['env', 'GOVERSION'], cwd: TESTDATA, echo: false })
  ).stdout.trim()
  benchstat = await ensureBenchstat(
    { runner: node, logger: silentLogger, fs: nodeFileSystem },
    { goVersion, binDir: path.join(os.homedir(), '.cache', 'go-race-gc-guard-tests', 'benchstat') }
  )
}, 300_000)

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

describe('calibrated sampling on real Go', () => {
  it('runs each benchmark alone with the same iteration count on both sides; a benchmark that fails in calibration is reported and not re-run', async () => {
    calls.length = 0
    const evolve = path.join(TESTDATA, 'modules', 'evolve')
    const r = await stage(
      checkouts(path.join(evolve, 'base'), path.join(evolve, 'head')),
      ['example.com/evolve/buf', 'example.com/evolve/flaky'],
      { 'bench-count': '3', benchtime: '100ms' }
    )
    const measured = calls.filter((c) => arg(c, 'count') === '1' && arg(c, 'bench') !== '^$')
    const rounds = measured.filter((c) => /^\d+x$/.test(arg(c, 'benchtime') ?? ''))
    const buf = rounds.filter((c) => c.cwd.endsWith('/buf'))
    // Initial: 3 rounds × 2 sides × 3 benchmarks, each its own process.
    expect(buf.slice(0, 18).map((c) => arg(c, 'bench'))).toEqual(
      Array(6).fill(['^BenchmarkEncode$', '^BenchmarkSum$', '^BenchmarkSteady$']).flat()
    )
    for (const name of ['^BenchmarkEncode$', '^BenchmarkSum$', '^BenchmarkSteady$']) {
      const n = new Set(buf.filter((c) => arg(c, 'bench') === name).map((c) => arg(c, 'benchtime')))
      expect(n.size, name).toBe(1)
    }
    const steady = r.section.comparisons.find(
      (c) => c.benchmark === 'BenchmarkSteady' && c.unit === 'sec/op'
    )!
    expect(steady.base!.n).toBe(3)
    expect(steady.head!.n).toBe(3)
    // Calibration: one process per top-level benchmark; head with a tenth of benchtime.
    const cal = measured.filter((c) => !/^\d+x$/.test(arg(c, 'benchtime') ?? ''))
    expect(cal.map((c) => `${sideOf(c)} ${arg(c, 'bench')} ${arg(c, 'benchtime')}`).sort()).toEqual(
      [
        'base ^BenchmarkEncode$ 100ms',
        'base ^BenchmarkFailsOnHead$ 100ms',
        'base ^BenchmarkPanicsOnHead$ 100ms',
        'base ^BenchmarkSteady$ 100ms',
        'base ^BenchmarkSum$ 100ms',
        'head ^BenchmarkEncode$ 10000us',
        'head ^BenchmarkFailsOnHead$ 10000us',
        'head ^BenchmarkPanicsOnHead$ 10000us',
        'head ^BenchmarkSteady$ 10000us',
        'head ^BenchmarkSum$ 10000us'
      ]
    )
    // flaky: both benchmarks broke on head in calibration, so head never runs them again.
    const flaky = rounds.filter((c) => c.cwd.endsWith('/flaky'))
    expect(flaky.length).toBe(6)
    expect(flaky.every((c) => sideOf(c) === 'base')).toBe(true)
    const problems = r.problems.map(
      (p) => `${p.kind} ${p.side} ${p.blocking} ${p.message.split('\n')[0]}`
    )
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^bench-failed head true BenchmarkFailsOnHead failed on head in 1 run\(s\) \(GOGC=100, calibration\)/
        ),
        expect.stringMatching(
          /^panic head true BenchmarkPanicsOnHead panicked on head in 1 run\(s\) \(GOGC=100, calibration\)/
        )
      ])
    )
    expect(r.section.notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/BenchmarkPanicsOnHead \(GOGC=100\): only measured on base/)
      ])
    )
  }, 120_000)

  it('selects every sub-benchmark exactly, whatever its name holds', async () => {
    calls.length = 0
    const edge = path.join(TESTDATA, 'modules', 'edge')
    const r = await stage(checkouts(edge, edge), ['example.com/edge/names'], {
      'bench-count': '2',
      benchtime: '100ms',
      bench: 'BenchmarkNames'
    })
    const subs = ['a/b', 'k=v,w=x', 'pipe|bar', 'back`tick`', 'spa_ce', 'size-1024'].map(
      (s) => `BenchmarkNames/${s}`
    )
    const secs = r.section.comparisons.filter((c) => c.unit === 'sec/op')
    expect(secs.map((c) => c.benchmark).sort()).toEqual([...subs].sort())
    // A suspect's row shows its fresh samples: the look's 2 rounds, or 3 × 2 if it went on.
    for (const c of secs) {
      const n = c.confirmed === null ? [2] : [2, 6]
      expect(n, c.benchmark).toContain(c.base!.n)
      expect(c.head!.n, c.benchmark).toBe(c.base!.n)
    }
    expect(r.section.unparsed).toBe(0)
    // One process per sub-benchmark and sample, each selecting exactly one name: 2 rounds × 2
    // sides at least (confirmation rounds may add some when the screen suspects noise).
    const measured = calls.filter((c) => /^\d+x$/.test(arg(c, 'benchtime') ?? ''))
    const perPattern = new Map<string, string[]>()
    for (const c of measured)
      perPattern.set(arg(c, 'bench')!, [...(perPattern.get(arg(c, 'bench')!) ?? []), sideOf(c)])
    expect(perPattern.size).toBe(6)
    for (const [pattern, sides] of perPattern) {
      expect(sides.length, pattern).toBeGreaterThanOrEqual(4)
      expect(sides.filter((x) => x === 'base').length, pattern).toBe(sides.length / 2)
    }
  }, 120_000)
})
