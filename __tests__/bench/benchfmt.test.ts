import { describe, expect, it } from 'vitest'
import {
  parseBenchfmt,
  parseConfigLine,
  parseResultLine,
  splitProcs
} from '../../src/bench/benchfmt.js'
import { writeBenchfmt } from '../../src/bench/benchfmt-write.js'
import { parseRunOutput } from '../../src/bench/run-output.js'
import type { Sample } from '../../src/bench/types.js'
import { fixture } from './helpers.js'

describe('benchmark format (proposal 14313)', () => {
  it('reads config and result lines of real benchstat input', () => {
    const f = parseBenchfmt(fixture('benchstat-in-base.txt'))
    expect(f.malformed).toEqual([])
    expect(f.results.length).toBe(24) // 4 benchmarks × 6 rounds
    expect(f.results[0].config).toMatchObject({
      side: 'base',
      'gc-variant': 'GOGC=100',
      pkg: 'example.com/power/work'
    })
    expect(f.results[0].measurements.map((m) => m.unit)).toEqual(['ns/op', 'B/op', 'allocs/op'])
  })

  it('follows the spec for config keys and result fields', () => {
    expect(parseConfigLine('pkg: example.com/x')).toEqual({ key: 'pkg', value: 'example.com/x' })
    expect(parseConfigLine('gc-variant: GOGC=off GOMEMLIMIT=1GiB')).toEqual({
      key: 'gc-variant',
      value: 'GOGC=off GOMEMLIMIT=1GiB'
    })
    expect(parseConfigLine('note:')).toEqual({ key: 'note', value: '' })
    expect(parseConfigLine('Upper: x')).toBeNull()
    expect(parseConfigLine('key:value')).toBeNull()
    expect(parseResultLine('BenchmarkX-8 10 12 ns/op')?.rest?.iterations).toBe(10)
    expect(parseResultLine('BenchmarkX-8 10 12')).toBeNull() // odd field count
    expect(parseResultLine('Benchmarkx 10 12 ns/op')).toBeNull() // lower case after Benchmark
    expect(parseResultLine('Benchmark 10 12 ns/op')).not.toBeNull()
    expect(splitProcs('BenchmarkNames/size-1024-2')).toEqual({
      name: 'BenchmarkNames/size-1024',
      procs: 2
    })
    expect(splitProcs('BenchmarkX')).toEqual({ name: 'BenchmarkX', procs: null })
  })

  it('round-trips samples with GC metrics, side and variant config through the writer', () => {
    const run = parseRunOutput(fixture('names.out'))
    const samples: Sample[] = run.results.map((r, i) => ({
      ...r,
      package: 'example.com/edge/names',
      side: i % 2 ? 'head' : 'base',
      variant: 'GOGC=off GOMEMLIMIT=1GiB',
      round: 1
    }))
    const text = writeBenchfmt(samples)
    expect(text).toMatch(/^side: base\ngc-variant: GOGC=off GOMEMLIMIT=1GiB\ngoos: linux\n/)
    const back = parseBenchfmt(text)
    expect(back.malformed).toEqual([])
    expect(back.results.map((r) => r.name)).toEqual(samples.map((s) => s.name))
    back.results.forEach((r, i) => {
      expect(r.config.side).toBe(samples[i].side)
      expect(r.config['gc-variant']).toBe('GOGC=off GOMEMLIMIT=1GiB')
      expect(r.config.pkg).toBe('example.com/edge/names')
      expect(r.procs).toBe(samples[i].procs)
      expect(r.iterations).toBe(samples[i].iterations)
      expect(r.measurements.map((m) => m.unit)).toEqual(samples[i].measurements.map((m) => m.unit))
      r.measurements.forEach((m, j) =>
        expect(m.value).toBeCloseTo(samples[i].measurements[j].value, 6)
      )
    })
  })

  it('never lets a name or config value break the line structure', () => {
    const s: Sample = {
      name: 'BenchmarkA/with space\tand tab',
      procs: null,
      iterations: 1,
      measurements: [{ value: 1, unit: 'ns/op' }],
      config: { cpu: 'weird\ncpu' },
      package: 'p',
      side: 'head',
      variant: 'GOGC=100',
      round: 1
    }
    const back = parseBenchfmt(writeBenchfmt([s]))
    expect(back.results).toHaveLength(1)
    expect(back.results[0].name).toBe('BenchmarkA/with_space_and_tab')
    expect(back.results[0].config.cpu).toBe('weird cpu')
  })
})
