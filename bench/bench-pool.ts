/**
 * Collects a pool of real benchmark samples from the power-study module
 * (__tests__/testdata/bench/modules/power): three builds of the same 20 benchmarks — unchanged,
 * `-tags slow10` (+10% work) and `-tags alloc1` (+1 allocation per op) — run interleaved under
 * each GC variant, sampled exactly like the bench stage: the unchanged build is calibrated once
 * (calibrate.ts), then every sample of a benchmark is one process with base's `-test.benchtime=Nx`,
 * with gctrace merged into stdout. Rounds keep their time order so the power study can pair runs
 * that ran back to back, as a stage's interleaved rounds do.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { benchtimeNs, calibratedRuns } from '../src/bench/calibrate.js'
import { benchArgs } from '../src/bench/rounds.js'
import { parseRunOutput } from '../src/bench/run-output.js'
import { parseGcVariants } from '../src/config/gc-variants.js'
import type { BenchResult } from '../src/bench/types.js'
import { configFor, quietRunner } from './bench-support.js'

export const POWER_MODULE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '__tests__',
  'testdata',
  'bench',
  'modules',
  'power'
)
export const BUILDS = {
  base: [],
  slow10: ['-tags', 'slow10'],
  alloc1: ['-tags', 'alloc1']
} as const
export type BuildName = keyof typeof BUILDS

/**
 * One round: the builds run back to back (order rotating), as base and head do in a stage round.
 * `base2` is a second run of the unchanged build, the "head" of an A/A comparison; `alloc1` runs
 * only every `allocEvery`-th round (its allocs/op is deterministic). Each run is the 20 results
 * of one benchmark process each.
 */
export interface PoolRound {
  base: BenchResult[]
  base2: BenchResult[]
  slow10: BenchResult[]
  alloc1?: BenchResult[]
  /** The runs in the order they ran (pools collected before this field: see power.ts). */
  order?: RunName[]
}

export type RunName = 'base' | 'base2' | 'slow10' | 'alloc1'

/** The order `collectPool` runs round `i` in: the builds rotate so none always runs first. */
export function roundOrder(i: number, allocEvery: number): RunName[] {
  const builds: RunName[] = ['base', 'base2', 'slow10']
  if (i % allocEvery === 0) builds.push('alloc1')
  return builds.map((_, k) => builds[(k + i) % builds.length])
}

/** pool[variant] = rounds in time order. */
export type Pool = Record<string, PoolRound[]>

export interface PoolOptions {
  variants: string
  benchtime: string
  rounds: number
  allocEvery: number
  log?: (m: string) => void
}

/** Builds the three binaries, calibrates once and collects the rounds. */
export async function collectPool(o: PoolOptions): Promise<Pool> {
  const runner = quietRunner()
  const dir = mkdtempSync(path.join(os.tmpdir(), 'power-'))
  const bins = {} as Record<BuildName, string>
  for (const [name, flags] of Object.entries(BUILDS) as [BuildName, readonly string[]][]) {
    bins[name] = path.join(dir, `${name}.test`)
    const r = await runner.run({
      command: 'go',
      args: ['test', '-c', '-o', bins[name], ...flags, './work'],
      cwd: POWER_MODULE,
      echo: false
    })
    if (r.exitCode !== 0) throw new Error(`build ${name} failed: ${r.stderr}`)
  }
  const { variants } = parseGcVariants(o.variants)
  // The stage's own argument list (default timeout, no test-flags), so the pool samples like it.
  const config = configFor({ benchtime: o.benchtime })
  const targetNs = benchtimeNs(o.benchtime)
  if (targetNs === null) throw new Error(`benchtime must be a duration: ${o.benchtime}`)
  const cal = await runner.run({
    command: bins.base,
    args: benchArgs(config, '.', o.benchtime),
    cwd: path.join(POWER_MODULE, 'work'),
    env: variants[0].env,
    echo: false
  })
  const plan = calibratedRuns({ base: parseRunOutput(cal.stdout).results, head: [] }, targetNs).base
  if (plan.length !== 20) throw new Error(`calibration found ${plan.length} benchmarks, not 20`)
  const runOne = async (build: BuildName, env: Record<string, string>) => {
    const results: BenchResult[] = []
    let bad = ''
    for (const run of plan) {
      const r = await runner.run({
        command: bins[build],
        args: benchArgs(config, run.pattern, run.benchtime),
        cwd: path.join(POWER_MODULE, 'work'),
        env: { ...env, GODEBUG: 'gctrace=1' },
        mergeStderr: true,
        echo: false
      })
      // One process, one parse: each starts with its own goos/pkg header.
      const parsed = parseRunOutput(r.stdout)
      results.push(...parsed.results)
      if (parsed.unparsed.length || parsed.results.length !== 1) bad += r.stdout
    }
    return { results, bad }
  }
  const pool: Pool = {}
  for (const v of variants) {
    const rounds: PoolRound[] = []
    for (let i = 0; rounds.length < o.rounds && i < o.rounds + 8; i++) {
      const order = roundOrder(i, o.allocEvery)
      const round: Partial<PoolRound> = { order }
      let ok = true
      for (const b of order) {
        const r = await runOne(b === 'base2' ? 'base' : b, v.env)
        if (r.bad) {
          // Keep the evidence and leave the round out of the pool (reported, not hidden).
          const file = path.join(dir, `bad-${v.gogc}-${b}-${i}.out`)
          writeFileSync(file, r.bad)
          o.log?.(`${b}: a process gave no single clean result; round dropped, kept ${file}`)
          ok = false
        }
        round[b] = r.results
      }
      if (ok) rounds.push(round as PoolRound)
      o.log?.(`${v.label}: round ${rounds.length}/${o.rounds}`)
    }
    pool[v.label] = rounds
  }
  return pool
}
