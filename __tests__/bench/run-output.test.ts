import { describe, expect, it } from 'vitest'
import { parseRunOutput } from '../../src/bench/run-output.js'
import { parseGcLine } from '../../src/bench/gctrace.js'
import { GC_UNITS } from '../../src/bench/types.js'
import { fixture, fixtureExit } from './helpers.js'

const metric = (r: { measurements: { value: number; unit: string }[] }, unit: string) =>
  r.measurements.find((m) => m.unit === unit)?.value

describe('parseRunOutput on real go test output with gctrace merged', () => {
  it('repairs result lines split by gctrace lines and attributes GC cycles', () => {
    const text = fixture('gcheavy.out')
    // The fixture really has a name followed by a GC line on the same line.
    expect(text).toMatch(/^BenchmarkAlloc-\d+\s+\tgc \d+ @/m)
    const out = parseRunOutput(text)
    expect(out.unparsed).toEqual([])
    expect(out.failures).toEqual([])
    expect(out.results.map((r) => r.name)).toEqual([
      'BenchmarkAlloc',
      'BenchmarkLoop',
      'BenchmarkNoAlloc'
    ])
    expect(out.config.pkg).toBe('example.com/edge/gcheavy')
    const alloc = out.results[0]
    expect(alloc.procs).toBeGreaterThan(0)
    expect(metric(alloc, 'B/op')).toBe(32768)
    expect(metric(alloc, 'allocs/op')).toBe(1)
    const cycles = metric(alloc, GC_UNITS.cycles)!
    // A whole number of cycles over the printed N, and at least one (32 KiB/op keeps the GC busy).
    expect(cycles).toBeGreaterThan(0)
    expect(Number.isInteger(Math.round(cycles * alloc.iterations * 1e6) / 1e6)).toBe(true)
    expect(metric(alloc, GC_UNITS.stw)).toBeGreaterThan(0)
    expect(metric(alloc, GC_UNITS.peakHeap)! % 1048576).toBe(0)
    // Cycles per op can never exceed all the GC lines in the file divided by N.
    const gcLines = text.split('\n').filter((l) => /gc \d+ @/.test(l)).length
    expect(cycles * alloc.iterations).toBeLessThanOrEqual(gcLines)
    const noAlloc = out.results[2]
    expect(metric(noAlloc, GC_UNITS.cycles)).toBe(0)
    expect(metric(noAlloc, GC_UNITS.stw)).toBe(0)
  })

  it('repairs a gctrace line that the benchmark numbers cut in two (real capture)', () => {
    const text = fixture('gc-cut.out')
    // The runtime writes gctrace piece by piece; a result's numbers (one write) landed inside one.
    const lines = text.split('\n')
    const at = lines.findIndex((l) => /gc \d+ @[^\t]*\t/.test(l))
    expect(at).toBeGreaterThanOrEqual(0)
    const iterations = Number(/ *(\d+)\t/.exec(lines[at].slice(lines[at].search(/gc \d+ @/)))![1])
    const out = parseRunOutput(text)
    expect(out.unparsed).toEqual([])
    expect(out.failures).toEqual([])
    expect(out.results.map((r) => r.name)).toEqual([
      'BenchmarkAlloc',
      'BenchmarkLoop',
      'BenchmarkNoAlloc'
    ])
    const cut = out.results.find((r) => r.iterations === iterations)!
    expect(metric(cut, 'B/op')).toBeGreaterThan(0)
    // The GC line's two halves were joined back: every gctrace start in the file became a cycle
    // or sits inside a result line, so nothing is left over.
    expect(lines[at + 1]).not.toMatch(/^gc /)
  })

  it('counts only the final timed run: GOGC=25 collects more often than GOGC=100', () => {
    const a = parseRunOutput(fixture('gcheavy.out')).results[0]
    const b = parseRunOutput(fixture('gcheavy-gogc25.out')).results[0]
    expect(metric(b, GC_UNITS.cycles)!).toBeGreaterThan(metric(a, GC_UNITS.cycles)!)
  })

  it('handles GOGC=off with a memory limit (b.Loop included)', () => {
    const out = parseRunOutput(fixture('gcheavy-off.out'))
    expect(out.results).toHaveLength(3)
    expect(out.unparsed).toEqual([])
    const loop = out.results.find((r) => r.name === 'BenchmarkLoop')!
    expect(metric(loop, 'B/op')).toBe(16384)
  })

  it('keeps names with / , = | backticks and custom units; counts stray output', () => {
    const out = parseRunOutput(fixture('names.out'))
    const names = out.results.map((r) => r.name)
    expect(names).toEqual([
      'BenchmarkNames/a/b',
      'BenchmarkNames/k=v,w=x',
      'BenchmarkNames/pipe|bar',
      'BenchmarkNames/back`tick`',
      'BenchmarkNames/spa_ce',
      'BenchmarkNames/size-1024',
      'BenchmarkCustom',
      'BenchmarkChatty'
    ])
    const custom = out.results.find((r) => r.name === 'BenchmarkCustom')!
    expect(custom.measurements.map((m) => m.unit)).toEqual(
      expect.arrayContaining(['ns/op', 'hits', 'widgets/op', 'B/op', 'allocs/op'])
    )
    expect(metric(custom, 'hits')).toBe(12.5)
    expect(metric(out.results[0], 'MB/s')).toBeGreaterThan(0)
    // BenchmarkChatty printed to stdout between its name and its numbers: counted, not lost.
    expect(out.unparsed).toEqual(['chatty output'])
  })

  it('reports a b.Fatal benchmark and keeps the others', () => {
    expect(fixtureExit('fail.out')).toBe(1)
    const out = parseRunOutput(fixture('fail.out'))
    expect(out.results.map((r) => r.name)).toEqual(['BenchmarkBefore', 'BenchmarkLogs'])
    expect(out.failures).toEqual([
      {
        name: 'BenchmarkFatal',
        kind: 'fail',
        detail: ['f_test.go:14: about to fail', 'f_test.go:15: benchmark failed on purpose']
      }
    ])
    expect(out.unparsed).toEqual([])
  })

  it('attributes a panic to the benchmark that was running', () => {
    expect(fixtureExit('panicky.out')).toBe(2)
    const out = parseRunOutput(fixture('panicky.out'))
    expect(out.results.map((r) => r.name)).toEqual(['BenchmarkFirst'])
    expect(out.failures).toHaveLength(1)
    expect(out.failures[0].name).toBe('BenchmarkPanic')
    expect(out.failures[0].kind).toBe('panic')
    expect(out.failures[0].detail[0]).toBe('panic: benchmark panicked on purpose')
  })

  it('returns nothing for a package without benchmarks', () => {
    const out = parseRunOutput(fixture('nobench.out'))
    expect(out).toEqual({ results: [], failures: [], unparsed: [], config: {} })
  })

  it('keeps the same benchmark name from two packages apart by pkg', () => {
    const a = parseRunOutput(fixture('dup1.out'))
    const b = parseRunOutput(fixture('dup2.out'))
    expect(a.results[0].name).toBe(b.results[0].name)
    expect(a.config.pkg).not.toBe(b.config.pkg)
  })

  it('a name whose numbers never come is a failure (killed mid-benchmark)', () => {
    const text = fixture('gcheavy.out').split('\n').slice(0, 8).join('\n')
    const out = parseRunOutput(text)
    expect(out.failures).toEqual([{ name: 'BenchmarkAlloc', kind: 'no-result', detail: [] }])
  })
})

describe('parseGcLine', () => {
  it('parses every gctrace line in the fixtures', () => {
    for (const f of [
      'gcheavy.out',
      'gcheavy-gogc25.out',
      'gcheavy-off.out',
      'power.out',
      'names.out'
    ]) {
      for (const line of fixture(f).split('\n')) {
        const at = line.indexOf('gc ')
        if (!/gc \d+ @/.test(line)) continue
        expect(parseGcLine(line.slice(line.search(/gc \d+ @/))), `${f}: ${line}`).not.toBeNull()
        expect(at).toBeGreaterThanOrEqual(0)
      }
    }
  })

  it('reads phases, heap sizes and the forced marker', () => {
    const c = parseGcLine(
      'gc 5 @0.004s 11%: 0.029+0.34+0.004 ms clock, 0.059+0.056/0.027/0.039+0.009 ms cpu, 4->8->6 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P'
    )
    expect(c).toEqual({
      number: 5,
      clockMs: [0.029, 0.34, 0.004],
      heapStartMiB: 4,
      heapEndMiB: 8,
      heapLiveMiB: 6,
      goalMiB: 4,
      forced: false
    })
    expect(
      parseGcLine(
        'gc 1 @0.000s 7%: 0.006+0.084+0.002 ms clock, 0.013+0/0.074/0.072+0.004 ms cpu, 0->0->0 MB, 8796093022196 MB goal, 0 MB stacks, 0 MB globals, 2 P (forced)'
      )?.forced
    ).toBe(true)
    expect(parseGcLine('scav 0 KiB work')).toBeNull()
  })
})

describe('iterationsOf', () => {
  it('reads the iteration count of the first result line', async () => {
    const { iterationsOf } = await import('../../src/bench/profiles.js')
    expect(
      iterationsOf('goos: linux\nBenchmarkEncode-2   \t   41817\t     28594 ns/op\nPASS\n')
    ).toBe(41817)
    expect(iterationsOf('PASS\nok  \texample.com/x\t0.1s\n')).toBeNull()
  })
})
