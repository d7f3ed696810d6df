/** Calibration planning (pure) and the startup probe's fallback, on real recorded Go output. */
import { describe, expect, it } from 'vitest'
import {
  benchtimeNs,
  calibrate,
  calibratedRuns,
  groupedRuns,
  iterationsFor,
  restrictRuns
} from '../../src/bench/calibrate.js'
import type { BenchContext, PackageTarget } from '../../src/bench/context.js'
import { parseRunOutput } from '../../src/bench/run-output.js'
import { parseConfig } from '../../src/config/parse-config.js'
import type { ProcessRunner, RunSpec } from '../../src/ports.js'
import { MemFs, silentLogger } from './fakes.js'
import { fixture } from './helpers.js'

const target: PackageTarget = {
  importPath: 'example.com/evolve/buf',
  slug: 'buf',
  base: {
    binary: '/b/buf.test',
    dir: '/b/buf',
    benchmarks: ['BenchmarkEncode', 'BenchmarkSteady']
  },
  head: { binary: '/h/buf.test', dir: '/h/buf', benchmarks: ['BenchmarkEncode', 'BenchmarkSteady'] }
}

describe('calibration planning', () => {
  it('reads duration benchtimes and leaves iteration counts alone', () => {
    expect(benchtimeNs('200ms')).toBe(2e8)
    expect(benchtimeNs('1.5s')).toBe(1.5e9)
    expect(benchtimeNs('1000x')).toBeNull()
  })

  it('picks the iteration count that lasts benchtime, within 1..1e9', () => {
    expect(iterationsFor(1000, 2e8)).toBe(200_000)
    expect(iterationsFor(3e9, 2e8)).toBe(1)
    expect(iterationsFor(0.01, 2e8)).toBe(1e9)
    expect(iterationsFor(0, 2e8)).toBe(1)
    expect(iterationsFor(Number.NaN, 2e8)).toBe(1)
  })

  it('gives base and head the same N from base, one process per benchmark, only where it ran', () => {
    // Real output: flaky's head fails one benchmark and panics in the other.
    const base = parseRunOutput(fixture('evolve-base-flaky-1.out')).results
    const head = parseRunOutput(fixture('evolve-head-flaky-1.out')).results
    expect(base.map((r) => r.name)).toEqual(['BenchmarkFailsOnHead', 'BenchmarkPanicsOnHead'])
    const runs = calibratedRuns({ base, head }, 2e8)
    const ns = base[0].measurements.find((m) => m.unit === 'ns/op')!.value
    expect(runs.base[0]).toEqual({
      pattern: '^BenchmarkFailsOnHead$',
      benchtime: `${Math.round(2e8 / ns)}x`,
      names: ['BenchmarkFailsOnHead']
    })
    expect(runs.base).toHaveLength(2)
    expect(runs.head.map((r) => r.names)).toEqual(head.map((r) => [r.name]))
    for (const r of runs.head)
      expect(r.benchtime).toBe(runs.base.find((b) => b.pattern === r.pattern)!.benchtime)
  })

  it('uses head for a benchmark base does not have, and escapes names for exact patterns', () => {
    const mk = (name: string, ns: number) => ({
      name,
      procs: 2,
      iterations: 1,
      measurements: [{ value: ns, unit: 'ns/op' }],
      config: {}
    })
    const runs = calibratedRuns(
      {
        base: [mk('BenchmarkOld', 100)],
        head: [mk('BenchmarkOld', 999), mk('BenchmarkN/a|b', 50)]
      },
      1e6
    )
    expect(runs.head).toEqual([
      { pattern: '^BenchmarkOld$', benchtime: '10000x', names: ['BenchmarkOld'] },
      { pattern: '^BenchmarkN$/^a\\|b$', benchtime: '20000x', names: ['BenchmarkN/a|b'] }
    ])
  })

  it('times a benchmark that hides ns/op by its calibration run, so it is not dropped', () => {
    // b.ReportMetric(0, "ns/op") removes ns/op from the line; 4000 iterations in a 200ms run.
    const hidden = {
      name: 'BenchmarkHidden',
      procs: 2,
      iterations: 4000,
      measurements: [{ value: 3, unit: 'widgets/op' }],
      config: {}
    }
    const runs = calibratedRuns({ base: [hidden], head: [{ ...hidden, iterations: 400 }] }, 2e8)
    expect(runs.base).toEqual([
      { pattern: '^BenchmarkHidden$', benchtime: '4000x', names: ['BenchmarkHidden'] }
    ])
    expect(runs.head.map((r) => r.benchtime)).toEqual(['4000x'])
  })

  it('restricts runs to suspects: per-benchmark runs by name, grouped runs by an exact pattern', () => {
    const per = calibratedRuns(
      {
        base: parseRunOutput(fixture('evolve-base-buf-1.out')).results,
        head: parseRunOutput(fixture('evolve-head-buf-1.out')).results
      },
      2e8
    )
    const only = restrictRuns(per, new Set(['BenchmarkSteady']))
    expect(only.base.map((r) => r.names)).toEqual([['BenchmarkSteady']])
    expect(only.head.map((r) => r.names)).toEqual([['BenchmarkSteady']])
    const grouped = restrictRuns(groupedRuns(target, '.', '1000x'), new Set(['BenchmarkSteady']))
    expect(grouped.base).toEqual([
      { pattern: '^BenchmarkSteady$', benchtime: '1000x', names: null }
    ])
  })
})

describe('calibrate', () => {
  const ctxWith = (benchtime: string, startupMs: number) => {
    const calls: RunSpec[] = []
    const runner: ProcessRunner = {
      async run(spec) {
        calls.push(spec)
        return {
          exitCode: 0,
          signal: null,
          timedOut: false,
          stdout: 'PASS\n',
          stderr: '',
          truncated: false,
          durationMs: startupMs
        }
      }
    }
    const ctx = {
      config: parseConfig({ benchtime }),
      runner,
      logger: silentLogger,
      fs: new MemFs()
    } as unknown as BenchContext
    return { ctx, calls }
  }

  it('keeps one process per package when starting the test binary costs over a quarter of benchtime', async () => {
    const { ctx, calls } = ctxWith('200ms', 60)
    const r = await calibrate(ctx, [target])
    expect(calls).toHaveLength(3) // the least of three probes
    for (const c of calls) expect(c.args).toContain('-test.bench=^$')
    expect(r.runs.get(target.importPath)).toEqual(groupedRuns(target, '.', '200ms'))
    expect(r.notes[0]).toMatch(
      /example\.com\/evolve\/buf: each sample runs all its benchmarks .*60 ms/
    )
  })

  it('does not probe or calibrate when benchtime is an iteration count', async () => {
    const { ctx, calls } = ctxWith('1000x', 1)
    const r = await calibrate(ctx, [target])
    expect(calls).toEqual([])
    expect(r.runs.get(target.importPath)).toEqual(groupedRuns(target, '.', '1000x'))
    expect(r.notes).toEqual([])
  })

  it('calibrates each top-level benchmark: base with benchtime, head with a tenth, the sub-pattern kept', async () => {
    const { ctx, calls } = ctxWith('200ms', 3)
    ctx.config.bench = 'Benchmark(Encode|Steady)/small'
    const r = await calibrate(ctx, [target])
    // The fake prints no result: each listed benchmark is named in a note, not dropped silently.
    expect(r.notes).toContain(
      'example.com/evolve/buf BenchmarkSteady (head): no result in calibration (skipped, or no sub-benchmark matches), not measured'
    )
    expect(r.notes).toHaveLength(4)
    expect(calls.slice(3).map((c) => `${c.command} ${c.args[1]} ${c.args[2]}`)).toEqual([
      '/b/buf.test -test.bench=^BenchmarkEncode$/small -test.benchtime=200ms',
      '/b/buf.test -test.bench=^BenchmarkSteady$/small -test.benchtime=200ms',
      '/h/buf.test -test.bench=^BenchmarkEncode$/small -test.benchtime=20000us',
      '/h/buf.test -test.bench=^BenchmarkSteady$/small -test.benchtime=20000us'
    ])
  })
})
