import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeGitRepo, runAction, startFakeServer, type FakeServer } from '../harness/index.js'
import type { MetricComparison, Report } from '../../src/domain/model.js'

const dir = (name: string) => path.resolve('__tests__/testdata/e2e/bench', name)
// Benchmarks only, sized for CI: 6 interleaved rounds of 100ms per side and GC variant (long
// enough that the stage calibrates and runs one process per benchmark, see calibrate.ts).
const inputs = { race: 'false', 'bench-count': '6', benchtime: '100ms', cache: 'false' }

let fake: FakeServer
beforeAll(async () => {
  fake = await startFakeServer()
})
afterAll(async () => {
  await fake.close()
})

async function run(head: string) {
  // Head directories hold only the files head changes.
  const repo = await makeGitRepo({
    baseFiles: dir('base'),
    headFiles: dir(head),
    headMode: 'overlay'
  })
  const r = await runAction({ workspace: repo.dir, fake, inputs, timeoutMs: 600_000 })
  const report = JSON.parse(readFileSync(r.outputs.report, 'utf8')) as Report
  return { r, report }
}

const regressed = (cs: MetricComparison[], bench: string) =>
  cs.filter(
    (c) => c.benchmark.includes(bench) && c.verdict === 'regression' && c.confirmed !== false
  )

describe('benchmarks under GC settings, through dist/index.js', () => {
  it('finds the alloc-in-loop and double-work regressions, leaves the unchanged one alone, uploads profiles', async () => {
    const { r, report } = await run('head')
    expect(r.exitCode, r.stdout).toBe(1)
    expect(r.outputs.verdict).toBe('fail')
    const cs = report.benchmarks.comparisons
    for (const variant of ['GOGC=100', 'GOGC=25']) {
      const inVariant = cs.filter((c) => c.variant === variant)
      const encodeUnits = regressed(inVariant, 'Encode').map((c) => c.unit)
      expect(encodeUnits, variant).toEqual(expect.arrayContaining(['B/op', 'allocs/op']))
      expect(
        regressed(inVariant, 'Encode').some((c) => c.kind === 'gc'),
        variant
      ).toBe(true)
      expect(
        regressed(inVariant, 'Work').map((c) => c.unit),
        variant
      ).toContain('sec/op')
      expect(regressed(inVariant, 'Steady'), variant).toEqual([])
    }
    // Annotated at the benchmark function on head.
    const testFile = readFileSync(path.join(dir('base'), 'benchy_test.go'), 'utf8').split('\n')
    const line = testFile.findIndex((l) => l.startsWith('func BenchmarkEncode(')) + 1
    expect(r.stdout).toMatch(new RegExp(`::error [^\\n]*file=benchy_test\\.go,line=${line}::`))
    // Counted per benchmark: Encode and Work, whatever the number of metrics and variants.
    expect(r.outputs.regressions).toBe('2')
    // The artifact (reassembled by the fake) holds the report, benchmark files and profiles.
    const artifact = fake.artifacts.items.find((a) => a.runId === 4242)
    expect(artifact).toBeDefined()
    const entries = Object.keys(fake.artifacts.entries(artifact!.name))
    expect(entries).toContain('report.json')
    expect(entries.some((e) => /cpu/.test(e) && /head/.test(e))).toBe(true)
    expect(entries.some((e) => /mem/.test(e) && /base/.test(e))).toBe(true)
    expect(r.outputs['artifact-url']).toMatch(/\/actions\/runs\/4242\/artifacts\/\d+$/)
    // Calibrated sampling: every Steady sample, base and head, ran the same iteration count.
    const files = fake.artifacts.entries(artifact!.name)
    const steadyN = Object.entries(files)
      .filter(([name]) => /-initial-(base|head)\.txt$/.test(name))
      .flatMap(([, data]) => [...data.toString().matchAll(/^BenchmarkSteady-\d+\s+(\d+)\s/gm)])
      .map((m) => m[1])
    expect(steadyN.length).toBe(2 * 2 * 6)
    expect(new Set(steadyN).size).toBe(1)
  })

  it('an identical head yields zero regressions in repeated runs, and passes', async () => {
    for (let i = 0; i < 2; i++) {
      const { r, report } = await run('base')
      expect(r.exitCode, r.stdout).toBe(0)
      expect(r.outputs.regressions).toBe('0')
      expect(report.benchmarks.comparisons.length).toBeGreaterThan(0)
    }
  })
})
