/** Report fixtures for the renderer: plain data in the shape the race and bench stages produce. */
import type { MetricComparison, Report } from '../../src/domain/model.js'
import { decideVerdict } from '../../src/verdict.js'
import { BASE_SHA, baseReport, benchMetrics, hammerRace } from './builders.js'

const CODEC = 'example.com/racefix/evolve/codec'
const WORK = 'example.com/racefix/evolve/work'
const POLICY = { failOnNewRaces: true, failOnRaces: false, failOnRegression: true }

/** Recomputes the verdict the way the pipeline does. */
function withVerdict(r: Report): Report {
  return { ...r, verdict: decideVerdict(r, POLICY) }
}

/** Unchanged metrics for the usual benchmarks under both variants. */
function steadyComparisons(): MetricComparison[] {
  const same = [
    'unchanged',
    'unchanged',
    'unchanged',
    'unchanged',
    'unchanged',
    'unchanged'
  ] as const
  return ['GOGC=100', 'GOGC=25'].flatMap((v) => [
    ...benchMetrics(
      v,
      WORK,
      'BenchmarkSHA256',
      [25.17e-6, 320, 10, 0, 0, 4194304],
      [25.4e-6, 320, 10, 0, 0, 4194304],
      [...same]
    ),
    ...benchMetrics(
      v,
      WORK,
      'BenchmarkSprintf',
      [1.949e-6, 552, 39, 0.0021, 1.1e-8, 4325376],
      [1.96e-6, 552, 39, 0.0021, 1.1e-8, 4325376],
      [...same]
    ),
    ...benchMetrics(
      v,
      CODEC,
      'BenchmarkDecode/size=1k',
      [812e-9, 1024, 1, 0.0004, 2e-9, 4194304],
      [809e-9, 1024, 1, 0.0004, 2e-9, 4194304],
      [...same]
    )
  ])
}

/** Nothing found: both stages ran, all benchmarks steady. */
export function cleanReport(): Report {
  const r = baseReport()
  r.races.runs = [
    {
      side: 'head',
      purpose: 'initial',
      packages: ['./...'],
      run: null,
      count: 3,
      exitCode: 0,
      durationMs: 41_200
    },
    {
      side: 'base',
      purpose: 'initial',
      packages: ['example.com/racefix/evolve/store'],
      run: null,
      count: 3,
      exitCode: 0,
      durationMs: 12_900
    }
  ]
  r.benchmarks.comparisons = steadyComparisons()
  return withVerdict(r)
}

/** The evolve module: Miss is new on head, Hit pre-existing (moved down the file), Reset fixed. */
export function racesReport(): Report {
  const r = cleanReport()
  r.benchmarks = { ...r.benchmarks, enabled: false, variants: [], comparisons: [] }
  r.races.items = [
    hammerRace({
      method: 'Miss',
      test: 'TestMiss',
      line: 29,
      testLine: 21,
      cls: 'new',
      head: [3, 3],
      base: [0, 6]
    }),
    hammerRace({
      method: 'Reset',
      test: 'TestReset',
      line: 14,
      testLine: 19,
      cls: 'fixed',
      head: [0, 6],
      base: [3, 3]
    }),
    hammerRace({
      method: 'Hit',
      test: 'TestHit',
      line: 19,
      testLine: 17,
      cls: 'existing',
      head: [3, 3],
      base: [3, 3]
    })
  ]
  r.races.runs.push(
    {
      side: 'base',
      purpose: 'confirm',
      packages: ['example.com/racefix/evolve/store'],
      run: '^(TestMiss)$',
      count: 3,
      exitCode: 0,
      durationMs: 3_100
    },
    {
      side: 'head',
      purpose: 'confirm',
      packages: ['example.com/racefix/evolve/store'],
      run: '^(TestReset)$',
      count: 3,
      exitCode: 0,
      durationMs: 3_000
    }
  )
  return withVerdict(r)
}

/** `go tool pprof -top -diff_base base.cpu head.test head.cpu` of the codec benchmark (real output). */
export const CPU_DIFF = [
  '      flat  flat%   sum%        cum   cum%',
  '    -130ms 32.50% 32.50%      -60ms 15.00%  bytes.(*Buffer).WriteString',
  '     -70ms 17.50% 50.00%      -70ms 17.50%  runtime.memmove',
  '      50ms 12.50% 37.50%       50ms 12.50%  runtime.memclrNoHeapPointers',
  '      40ms 10.00% 27.50%       40ms 10.00%  bytes.(*Buffer).tryGrowByReslice (inline)',
  '      10ms  2.50% 10.00%      -50ms 12.50%  example.com/racefix/evolve/codec.Encode'
]
export const MEM_DIFF = [
  '      flat  flat%   sum%        cum   cum%',
  '  690.68MB 18722.00% 18722.00%   690.68MB 18722.00%  bytes.growSlice',
  '       2MB 54.22% 18776.22%   692.69MB 18776.22%  bytes.(*Buffer).grow',
  '         0     0% 18776.22%   692.69MB 18776.22%  bytes.(*Buffer).WriteString',
  '         0     0% 18776.22%   692.69MB 18776.22%  example.com/racefix/evolve/codec.Encode'
]

/** Encode stopped reusing its buffer: time, memory and GC regress under both variants. */
function encodeRegression(): MetricComparison[] {
  const reg = [
    'regression',
    'regression',
    'regression',
    'regression',
    'regression',
    'regression'
  ] as const
  return [
    ...benchMetrics(
      'GOGC=100',
      CODEC,
      'BenchmarkEncode',
      [4244e-9, 0, 0, 0.0001, 1e-10, 4194304],
      [9354e-9, 16320, 8, 0.0213, 3.1e-7, 7130316],
      [...reg]
    ),
    ...benchMetrics(
      'GOGC=25',
      CODEC,
      'BenchmarkEncode',
      [4301e-9, 0, 0, 0.0002, 1e-10, 4194304],
      [11020e-9, 16320, 8, 0.0851, 9.4e-7, 4718592],
      [...reg]
    )
  ]
}

export function regressionsReport(): Report {
  const r = cleanReport()
  r.races = { ...r.races, enabled: false, runs: [] }
  r.benchmarks.comparisons = [...encodeRegression(), ...steadyComparisons()]
  // Sprintf got faster under GOGC=100 (an improvement, confirmed).
  const sprintf = r.benchmarks.comparisons.find(
    (c) => c.variant === 'GOGC=100' && c.benchmark === 'BenchmarkSprintf' && c.unit === 'sec/op'
  )!
  Object.assign(sprintf, {
    head: { center: 1.52e-6, low: 1.49e-6, high: 1.56e-6, n: 10 },
    delta: 1.52e-6 / 1.949e-6 - 1,
    p: 0.0003,
    verdict: 'improvement',
    confirmed: true
  })
  r.benchmarks.profiles = [
    { package: CODEC, benchmark: 'BenchmarkEncode', profile: 'cpu', top: CPU_DIFF },
    { package: CODEC, benchmark: 'BenchmarkEncode', profile: 'mem', top: MEM_DIFF }
  ]
  return withVerdict(r)
}

/** Names that reach the renderer unchanged from Go (t.Run/b.Run keep printable characters). */
export const HOSTILE_NAMES = [
  'BenchmarkNames/pipe|bar',
  'BenchmarkNames/back`tick`',
  'BenchmarkNames/k=v,w=x',
  'BenchmarkNames/<details><summary>x</summary>',
  'BenchmarkNames/@octocat_#12'
]

/** Everything at once: all race classes, regressions, hostile names, problems, a shard. */
export function everythingReport(): Report {
  const races = racesReport()
  const r = regressionsReport()
  r.races = {
    ...races.races,
    unparsed: 2,
    unparsedSamples: ['==================', 'WARNING: DATA RACE (truncated)']
  }
  r.races.items.push(
    hammerRace({
      method: 'Peek',
      test: 'TestPeek/@octocat|`x`',
      line: 33,
      testLine: 24,
      cls: 'unclassified',
      head: [1, 3],
      base: [0, 0],
      reason: 'the base package did not build',
      pkg: 'example.com/racefix/evolve/store'
    })
  )
  r.benchmarks.comparisons.push(
    ...HOSTILE_NAMES.flatMap((name, i) =>
      benchMetrics(
        'GOGC=100',
        'example.com/edge/names',
        name,
        [1.2e-6 + i * 1e-8, 64, 1, 0, 0, 4194304],
        [1.21e-6 + i * 1e-8, 64, 1, 0, 0, 4194304],
        ['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']
      )
    )
  )
  r.problems = [
    {
      kind: 'build-failed',
      side: 'head',
      package: 'example.com/racefix/buildfail/broken',
      blocking: true,
      message:
        '# example.com/racefix/buildfail/broken [example.com/racefix/buildfail/broken.test]\nbroken/b.go:4:9: undefined: undefinedThing'
    },
    {
      kind: 'bench-failed',
      side: 'base',
      package: 'example.com/edge/panicky',
      blocking: false,
      message: 'panic: boom @octocat see #12 </details><!--'
    }
  ]
  r.shard = { index: 1, total: 2 }
  r.settings.commentHeader = 'linux / amd64'
  r.benchmarks.benchstatText = {
    'GOGC=100':
      'goos: linux\ngoarch: amd64\npkg: example.com/racefix/evolve/codec\n          │ base │ head │\nEncode-2  4.244µ ± 1%  9.354µ ± 2%  +120.41% (p=0.000 n=10)\n'
  }
  r.repo.baseSha = BASE_SHA
  return withVerdict(r)
}

/** 5,000 benchmark rows (1,000 regressed benchmarks × 5 metrics) and 300 new races. */
export function hugeReport(rows = 5000): Report {
  const r = cleanReport()
  const comparisons: MetricComparison[] = []
  for (let i = 0; comparisons.length < rows; i++) {
    const name = `BenchmarkHandler/route=${String(i).padStart(4, '0')}`
    const verdicts = [
      'regression',
      'regression',
      'unchanged',
      'regression',
      'unchanged',
      'regression'
    ] as const
    comparisons.push(
      ...benchMetrics(
        i % 2 ? 'GOGC=25' : 'GOGC=100',
        `example.com/big/svc${i % 7}`,
        name,
        [1e-6, 512, 4, 0.001, 1e-8, 4194304],
        [1.3e-6 + i * 1e-9, 1024, 4, 0.003, 2e-8, 8388608],
        [...verdicts]
      ).slice(0, 5)
    )
  }
  r.benchmarks.comparisons = comparisons.slice(0, rows)
  r.races.items = Array.from({ length: 300 }, (_, i) =>
    hammerRace({
      method: `Op${i}`,
      test: `TestOp${i}`,
      line: 100 + i,
      testLine: 400 + i,
      cls: i % 3 === 0 ? 'existing' : 'new',
      head: [3, 3],
      base: [i % 3 === 0 ? 3 : 0, 6]
    })
  )
  return withVerdict(r)
}
