/**
 * The bench stage against real Go: a base and a head tree of a tiny module, tiny benchtime, few
 * rounds. Needs `go` on PATH and the Go module proxy (benchstat is installed once into a cache).
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
import { silentLogger } from './fakes.js'
import { TESTDATA } from './helpers.js'

const root = path.join(TESTDATA, 'modules', 'evolve')
const runner = new NodeProcessRunner(process.env, { write: () => {} })
let out: string
let r: BenchStageResult

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), 'bench-stage-'))
  const goVersion = (
    await runner.run({ command: 'go', args: ['env', 'GOVERSION'], cwd: root, echo: false })
  ).stdout.trim()
  const binDir = path.join(os.homedir(), '.cache', 'go-race-gc-guard-tests', 'benchstat')
  const deps = { runner, logger: silentLogger, fs: nodeFileSystem }
  const benchstat = await ensureBenchstat(deps, { goVersion, binDir })
  const config = parseConfig({
    'bench-count': '5',
    benchtime: '1000x',
    'gc-variants': '100,25',
    profiles: 'cpu,mem'
  })
  r = await runBenchStage(
    {
      config,
      checkouts: {
        headRepo: path.join(root, 'head'),
        headDir: path.join(root, 'head'),
        headSha: 'h',
        baseRepo: path.join(root, 'base'),
        baseDir: path.join(root, 'base'),
        baseSha: 'b',
        baseUnavailableReason: null,
        changedFiles: null,
        moduleDir: ''
      },
      packages: ['example.com/evolve/buf'],
      outDir: out
    },
    { ...deps, benchstat }
  )
}, 300_000)

afterAll(() => rmSync(out, { recursive: true, force: true }))

describe('runBenchStage on real Go', () => {
  it('reports the allocate-in-loop change under every GC variant, confirmed', () => {
    for (const variant of ['GOGC=100', 'GOGC=25']) {
      for (const unit of ['B/op', 'allocs/op']) {
        const c = r.section.comparisons.find(
          (x) => x.variant === variant && x.benchmark === 'BenchmarkEncode' && x.unit === unit
        )
        expect(c, `${variant} ${unit}`).toMatchObject({ verdict: 'regression', confirmed: true })
      }
    }
  })

  it('does not flag the unchanged benchmark', () => {
    const steady = r.section.comparisons.filter((x) => x.benchmark === 'BenchmarkSteady')
    expect(steady.length).toBeGreaterThanOrEqual(10)
    expect(steady.filter((x) => x.verdict === 'regression' || x.verdict === 'improvement')).toEqual(
      []
    )
  })

  it('writes benchmark files, benchstat output and profiles, and benchstat worked', async () => {
    expect(r.problems.filter((p) => p.kind === 'tool-error')).toEqual([])
    expect(r.section.benchstatText['GOGC=100']).toMatch(/allocs\/op/)
    expect(r.artifactFiles.some((f) => f.endsWith('.pprof'))).toBe(true)
    for (const f of r.artifactFiles) expect(await nodeFileSystem.exists(f), f).toBe(true)
    expect(
      r.section.profiles.some((p) => p.benchmark === 'BenchmarkEncode' && p.profile === 'mem')
    ).toBe(true)
  })
})
