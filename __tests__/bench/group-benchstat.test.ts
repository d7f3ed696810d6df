import { describe, expect, it } from 'vitest'
import {
  BENCHSTAT_NEW,
  BENCHSTAT_OLD,
  benchstatVersionFor,
  ensureBenchstat
} from '../../src/bench/benchstat.js'
import { failureProblems, groupMetrics } from '../../src/bench/group.js'
import { parseRunOutput } from '../../src/bench/run-output.js'
import type { Sample } from '../../src/bench/types.js'
import { ToolError } from '../../src/domain/errors.js'
import type { ProcessRunner, RunSpec } from '../../src/ports.js'
import { MemFs, silentLogger } from './fakes.js'
import { fixture } from './helpers.js'

const samples = (file: string, pkg: string, side: 'base' | 'head'): Sample[] =>
  parseRunOutput(fixture(file)).results.map((r) => ({
    ...r,
    package: pkg,
    side,
    variant: 'GOGC=100',
    round: 1
  }))

describe('groupMetrics', () => {
  it('keeps the same benchmark name in two packages apart and tidies units', () => {
    const all = [
      ...samples('dup1.out', 'example.com/edge/dup1', 'base'),
      ...samples('dup1.out', 'example.com/edge/dup1', 'head'),
      ...samples('dup2.out', 'example.com/edge/dup2', 'base'),
      ...samples('dup2.out', 'example.com/edge/dup2', 'head')
    ]
    const { metrics, notes } = groupMetrics(all)
    expect(notes).toEqual([])
    const time = metrics.filter((m) => m.unit === 'sec/op')
    expect(time.map((m) => m.package)).toEqual(['example.com/edge/dup1', 'example.com/edge/dup2'])
    expect(time.every((m) => m.benchmark === 'BenchmarkSame' && m.base.length === 1)).toBe(true)
    expect(time[0].base[0]).toBeLessThan(1e-6) // ns → s
  })

  it('notes benchmarks measured on one side only', () => {
    const { metrics, notes } = groupMetrics([
      ...samples('fail.out', 'p', 'base'),
      ...samples('panicky.out', 'p', 'head')
    ])
    expect(metrics).toEqual([])
    expect(notes).toContain('p BenchmarkBefore (GOGC=100): only measured on base, not compared')
    expect(notes).toContain('p BenchmarkFirst (GOGC=100): only measured on head, not compared')
  })

  it('turns repeated failures into one problem each, blocking only on head', () => {
    const f = parseRunOutput(fixture('fail.out')).failures[0]
    const where = { package: 'p', variant: 'GOGC=100' }
    const problems = failureProblems([
      { ...f, ...where, side: 'head' },
      { ...f, ...where, side: 'head', variant: 'GOGC=25' },
      { ...f, ...where, side: 'base' }
    ])
    expect(problems.map((p) => [p.kind, p.side, p.blocking])).toEqual([
      ['bench-failed', 'head', true],
      ['bench-failed', 'base', false]
    ])
    expect(problems[0].message).toMatch(
      /^BenchmarkFatal failed on head in 2 run\(s\) \(GOGC=100, GOGC=25\)/
    )
    expect(problems[0].message).toMatch(/benchmark failed on purpose/)
  })
})

describe('ensureBenchstat', () => {
  const runner = (exitCode: number, fs: MemFs, calls: RunSpec[]): ProcessRunner => ({
    run: async (spec) => {
      calls.push(spec)
      if (exitCode === 0) fs.files.set(`${spec.env!.GOBIN}/benchstat`, 'bin')
      return {
        exitCode,
        signal: null,
        timedOut: false,
        stdout: '',
        stderr: 'go: network down',
        truncated: false,
        durationMs: 1
      }
    }
  })

  it('pins by Go version', () => {
    expect(benchstatVersionFor('go1.26.8')).toBe(BENCHSTAT_NEW)
    expect(benchstatVersionFor('1.25.3')).toBe(BENCHSTAT_OLD)
    expect(benchstatVersionFor('go1.20')).toBe(BENCHSTAT_OLD)
  })

  it('installs once into a versioned GOBIN and reuses it', async () => {
    const fs = new MemFs()
    const calls: RunSpec[] = []
    const deps = { runner: runner(0, fs, calls), fs, logger: silentLogger }
    const bin = await ensureBenchstat(deps, { goVersion: 'go1.26.8', binDir: '/cache/bs' })
    expect(bin).toBe(`/cache/bs/${BENCHSTAT_NEW}/benchstat`)
    expect(calls[0].args).toEqual(['install', `golang.org/x/perf/cmd/benchstat@${BENCHSTAT_NEW}`])
    expect(calls[0].env).toMatchObject({
      GOBIN: `/cache/bs/${BENCHSTAT_NEW}`,
      GOTOOLCHAIN: 'local'
    })
    await ensureBenchstat(deps, { goVersion: 'go1.26.8', binDir: '/cache/bs' })
    expect(calls).toHaveLength(1)
  })

  it('throws a ToolError when go install fails', async () => {
    const fs = new MemFs()
    const deps = { runner: runner(1, fs, []), fs, logger: silentLogger }
    await expect(
      ensureBenchstat(deps, { goVersion: '1.22.1', binDir: '/c' })
    ).rejects.toBeInstanceOf(ToolError)
  })
})
