import { describe, expect, it } from 'vitest'
import {
  formatChange,
  formatDelta,
  formatDuration,
  formatP,
  formatSummary,
  formatThreshold,
  formatValue
} from '../../src/render/format.js'
import { packageLabels, shortFunc, topLevelName } from '../../src/render/names.js'
import { cmp } from './builders.js'

describe('formatValue', () => {
  it.each([
    [4244e-9, 'sec/op', '4.24µs'],
    [25.17e-6, 'sec/op', '25.2µs'],
    [812e-9, 'sec/op', '812ns'],
    [1.5, 'sec/op', '1.50s'],
    [3.1e-7, 'stw-sec/op', '310ns'],
    [0, 'sec/op', '0s'],
    [16320, 'B/op', '15.9KiB'],
    [64, 'B/op', '64B'],
    [4194304, 'peak-heap-B', '4MiB'],
    [7130316, 'peak-heap-B', '6.80MiB'],
    [1.5e9, 'B/s', '1.40GiB/s'],
    [8, 'allocs/op', '8'],
    [1280, 'allocs/op', '1280'],
    [0.0213, 'gc-cycles/op', '21.3m'],
    [12.5, 'widgets', '12.5'],
    [Number.NaN, 'sec/op', 'n/a'],
    [Number.POSITIVE_INFINITY, 'B/op', 'n/a']
  ])('%d %s → %s', (v, unit, out) => {
    expect(formatValue(v, unit)).toBe(out)
  })

  it('adds the confidence interval spread', () => {
    expect(formatSummary({ center: 100, low: 97, high: 104, n: 10 }, 'B/op')).toBe('100B ±4%')
    expect(formatSummary({ center: 100, low: 99.9, high: 100.1, n: 10 }, 'B/op')).toBe('100B ±<1%')
    expect(formatSummary({ center: 100, low: null, high: null, n: 3 }, 'B/op')).toBe('100B')
    expect(formatSummary(null, 'B/op')).toBe('—')
  })
})

describe('deltas, p-values, thresholds, durations', () => {
  it('formats deltas with a sign', () => {
    expect(formatDelta(0.2083)).toBe('+20.8%')
    expect(formatDelta(-0.053)).toBe('-5.3%')
    expect(formatDelta(0)).toBe('+0.0%')
    expect(formatDelta(21.2)).toBe('+2120%')
    expect(formatDelta(null)).toBe('n/a')
  })

  it('says "from 0" when the base was zero', () => {
    const c = cmp({
      variant: 'GOGC=100',
      pkg: 'p',
      bench: 'B',
      unit: 'B/op',
      kind: 'alloc',
      base: 0,
      head: 64,
      p: 0.001,
      verdict: 'regression'
    })
    expect(formatChange(c)).toBe('from 0')
  })

  it('formats p-values and thresholds', () => {
    expect(formatP(0.0002)).toBe('<0.001')
    expect(formatP(0.0412)).toBe('0.041')
    expect(formatP(null)).toBe('—')
    const c = cmp({
      variant: 'v',
      pkg: 'p',
      bench: 'B',
      unit: 'sec/op',
      kind: 'time',
      base: 1,
      head: 2,
      p: 0.001,
      verdict: 'regression'
    })
    expect(formatThreshold(c)).toBe('time 10%, confirmed')
    expect(formatThreshold({ ...c, kind: 'gc', threshold: 0.125, confirmed: false })).toBe(
      'GC 12.5%, not confirmed'
    )
    expect(formatThreshold({ ...c, kind: 'other', confirmed: null })).toBe('none')
  })

  it('formats durations', () => {
    expect(formatDuration(850)).toBe('850ms')
    expect(formatDuration(12_340)).toBe('12.3s')
    expect(formatDuration(65_000)).toBe('1m 05s')
  })
})

describe('names', () => {
  it('shortens Go function names to package.Func', () => {
    expect(shortFunc('example.com/m/store.(*Cache).Miss')).toBe('store.(*Cache).Miss')
    expect(shortFunc('example.com/m/pkg.Map[go.shape.string].func1')).toBe(
      'pkg.Map[go.shape.string].func1'
    )
    expect(shortFunc('main.main')).toBe('main.main')
  })

  it('labels packages by what tells them apart', () => {
    const labels = packageLabels([
      'example.com/m/codec',
      'example.com/m/store',
      'example.com/m/store'
    ])
    expect([...labels.values()]).toEqual(['codec', 'store'])
    expect(packageLabels(['example.com/m/codec']).get('example.com/m/codec')).toBe('codec')
    expect(packageLabels(['example.com/m', 'example.com/m/sub']).get('example.com/m')).toBe('m')
  })

  it('accepts only plain identifiers as top-level test names', () => {
    expect(topLevelName('TestPeek/@octocat|x')).toBe('TestPeek')
    expect(topLevelName('BenchmarkÜber')).toBe('BenchmarkÜber')
    expect(topLevelName("TestX'; rm -rf ~")).toBeNull()
    expect(topLevelName('')).toBeNull()
  })
})
