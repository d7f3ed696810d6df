import { describe, expect, it } from 'vitest'
import { exactBenchPatterns, quoteMeta, topLevelPattern } from '../../src/bench/bench-regex.js'
import { translateTestFlags } from '../../src/bench/test-flags.js'
import { tidyUnit, metricKind } from '../../src/bench/units.js'

describe('translateTestFlags', () => {
  it('prefixes go test flags, drops the ones the stage owns, passes custom ones', () => {
    expect(
      translateTestFlags([
        '-short',
        '-cpu',
        '1,2',
        '-run',
        'TestX',
        '-v',
        '-update',
        '-timeout=5m',
        '-parallel=2'
      ])
    ).toEqual({
      args: ['-test.short', '-test.cpu', '1,2', '-update', '-test.parallel=2'],
      dropped: ['-run TestX', '-v', '-timeout=5m']
    })
    expect(translateTestFlags(['-test.short', '-args', '-run', 'x'])).toEqual({
      args: ['-test.short', '-run', 'x'],
      dropped: []
    })
  })
})

describe('bench patterns', () => {
  it('quotes names and groups them by depth', () => {
    expect(quoteMeta('a|b(c)')).toBe('a\\|b\\(c\\)')
    expect(
      exactBenchPatterns(['BenchmarkA', 'BenchmarkNames/pipe|bar', 'BenchmarkNames/k=v,w=x'])
    ).toEqual(['^BenchmarkA$', '^BenchmarkNames$/^(?:pipe\\|bar|k=v,w=x)$'])
    expect(exactBenchPatterns(['BenchmarkNames/a/b'])).toEqual(['^BenchmarkNames$/^a$/^b$'])
    expect(topLevelPattern('Foo/size=[0-9/]+')).toBe('Foo')
    expect(topLevelPattern('.')).toBe('.')
  })
})

describe('units', () => {
  it('tidies like benchunit and classifies kinds', () => {
    expect(tidyUnit('ns/op')).toEqual({ unit: 'sec/op', factor: 1e-9 })
    expect(tidyUnit('MB/s')).toEqual({ unit: 'B/s', factor: 1e6 })
    expect(tidyUnit('stw-ns/op')).toEqual({ unit: 'stw-sec/op', factor: 1e-9 })
    expect(tidyUnit('allocs/op')).toEqual({ unit: 'allocs/op', factor: 1 })
    expect(tidyUnit('ns-per-thing')).toEqual({ unit: 'sec-per-thing', factor: 1e-9 })
    expect(
      ['sec/op', 'B/op', 'allocs/op', 'gc-cycles/op', 'stw-sec/op', 'peak-heap-B', 'hits'].map(
        metricKind
      )
    ).toEqual(['time', 'alloc', 'alloc', 'gc', 'gc', 'gc', 'other'])
  })
})
