/**
 * Collects a pool of real benchmark samples from the power-study module
 * (__tests__/testdata/bench/modules/power): three builds of the same 20 benchmarks — unchanged,
 * `-tags slow10` (+10% work) and `-tags alloc1` (+1 allocation per op) — run interleaved, one
 * process per sample, under each GC variant, with gctrace merged exactly like the bench stage.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseRunOutput } from '../src/bench/run-output.js'
import { parseGcVariants } from '../src/config/gc-variants.js'
import type { BenchResult } from '../src/bench/types.js'
import { quietRunner } from './bench-support.js'

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

/** pool[variant][build] = runs; each run is the 20 results of one process. */
export type Pool = Record<string, Record<BuildName, BenchResult[][]>>

export interface PoolOptions {
  variants: string
  benchtime: string
  /** Runs per build; base gets `baseRuns` (it is drawn twice in A/A). */
  baseRuns: number
  headRuns: number
  log?: (m: string) => void
}

/** Builds the three binaries and collects the pool. */
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
  const pool: Pool = {}
  const { variants } = parseGcVariants(o.variants)
  for (const v of variants) {
    const runs: Record<BuildName, BenchResult[][]> = { base: [], slow10: [], alloc1: [] }
    const total = Math.max(o.baseRuns, o.headRuns)
    for (let i = 0; i < total + 4; i++) {
      if (
        runs.base.length >= o.baseRuns &&
        runs.slow10.length >= o.headRuns &&
        runs.alloc1.length >= o.headRuns
      )
        break
      // Rotate the order so no build always runs first.
      const order = (['base', 'slow10', 'alloc1'] as BuildName[]).map((_, k, a) => a[(k + i) % 3])
      for (const b of order) {
        if (runs[b].length >= (b === 'base' ? o.baseRuns : o.headRuns)) continue
        const r = await runner.run({
          command: bins[b],
          args: [
            '-test.run=^$',
            '-test.bench=.',
            `-test.benchtime=${o.benchtime}`,
            '-test.count=1',
            '-test.benchmem'
          ],
          cwd: path.join(POWER_MODULE, 'work'),
          env: { ...v.env, GODEBUG: 'gctrace=1' },
          mergeStderr: true,
          echo: false
        })
        const parsed = parseRunOutput(r.stdout)
        if (parsed.results.length !== 20 || parsed.unparsed.length > 0) {
          // Keep the evidence and leave the run out of the pool (reported, not hidden).
          const file = path.join(dir, `bad-${v.gogc}-${b}-${i}.out`)
          writeFileSync(file, r.stdout)
          o.log?.(
            `${b}: ${parsed.results.length} results, ${parsed.unparsed.length} unparsed lines; kept ${file}`
          )
          continue
        }
        runs[b].push(parsed.results)
      }
      o.log?.(`${v.label}: round ${i + 1}/${total}`)
    }
    pool[v.label] = runs
  }
  return pool
}
