/**
 * Wall time of the bench stage against the plain approach for the same samples.
 * Run: `npx tsx bench/walltime.ts` (env: WALL_COUNT, WALL_BENCHTIME, WALL_VARIANTS).
 *
 * Both sides are the power-study module (identical code, so normally no confirmation rounds and
 * no profiles run; the stage's calibration is included in its time). Plain approach, per GC
 * variant: `go test -run=^$ -bench=. -benchtime=T -count=N -benchmem ./work` on base, then on head
 * (GOGC/GOMEMLIMIT in the environment, as a user would do it), then `benchstat base.txt head.txt`.
 * benchstat is installed before timing starts for both.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { ensureBenchstat } from '../src/bench/benchstat.js'
import { runBenchStage } from '../src/bench/stage.js'
import { POWER_MODULE } from './bench-pool.js'
import { checkoutsFor, configFor, consoleLogger, fs, quietRunner } from './bench-support.js'

export interface WalltimeResult {
  count: number
  benchtime: string
  variants: string
  stageMs: number
  plainMs: number
  /** stage / plain: below 1 means the stage is cheaper. */
  ratio: number
  stageSamples: number
  /** Comparisons the stage flagged (an identical head should give none). */
  stageFlags: number
  /** Benchmark-variants that got confirmation rounds, and those rounds summed over them. */
  confirmedBenchmarks: number
  confirmationRounds: number
}

export async function runWalltimeBench(
  opts: Partial<{ count: number; benchtime: string; variants: string; profiles: string }> = {}
): Promise<WalltimeResult> {
  const count = opts.count ?? 10
  const benchtime = opts.benchtime ?? '200ms'
  const variants = opts.variants ?? '100,25'
  const runner = quietRunner()
  const logger = consoleLogger(false)
  const goVersion = (
    await runner.run({ command: 'go', args: ['env', 'GOVERSION'], cwd: POWER_MODULE, echo: false })
  ).stdout.trim()
  const benchstat = await ensureBenchstat(
    { runner, logger, fs },
    { goVersion, binDir: path.join(os.homedir(), '.cache', 'go-race-gc-guard-tests', 'benchstat') }
  )
  const config = configFor({
    'bench-count': String(count),
    benchtime,
    'gc-variants': variants,
    ...(opts.profiles !== undefined ? { profiles: opts.profiles } : {})
  })

  const t0 = Date.now()
  const out = mkdtempSync(path.join(os.tmpdir(), 'wall-stage-'))
  const r = await runBenchStage(
    {
      config,
      checkouts: checkoutsFor(POWER_MODULE, POWER_MODULE),
      packages: ['example.com/power/work'],
      outDir: out
    },
    { runner, logger, fs, benchstat }
  )
  const stageMs = Date.now() - t0

  const t1 = Date.now()
  const plainDir = mkdtempSync(path.join(os.tmpdir(), 'wall-plain-'))
  for (const v of config.gcVariants) {
    const files: string[] = []
    for (const side of ['base', 'head']) {
      const res = await runner.run({
        command: 'go',
        args: [
          'test',
          '-run=^$',
          '-bench=.',
          `-benchtime=${benchtime}`,
          `-count=${count}`,
          '-benchmem',
          './work'
        ],
        cwd: POWER_MODULE,
        env: v.env,
        echo: false
      })
      const file = path.join(plainDir, `${side}-${v.gogc}.txt`)
      writeFileSync(file, res.stdout)
      files.push(file)
    }
    await runner.run({ command: benchstat, args: files, cwd: plainDir, echo: false })
  }
  const plainMs = Date.now() - t1
  const screenOnly = (c: (typeof r.section.comparisons)[number]) => c.confirmed === null
  const stageSamples =
    r.section.comparisons.find((c) => c.unit === 'sec/op' && screenOnly(c))?.base?.n ?? 0
  // Confirmation: a suspect's row shows its fresh samples, so its n is the rounds it got.
  const confirmed = new Map<string, number>()
  for (const c of r.section.comparisons) {
    if (screenOnly(c)) continue
    const k = `${c.variant}|${c.package}|${c.benchmark}`
    confirmed.set(k, Math.max(confirmed.get(k) ?? 0, c.base?.n ?? 0))
  }
  const stageFlags = r.section.comparisons.filter(
    (c) => c.verdict === 'regression' || c.verdict === 'improvement'
  ).length
  return {
    count,
    benchtime,
    variants,
    stageMs,
    plainMs,
    ratio: stageMs / plainMs,
    stageSamples,
    stageFlags,
    confirmedBenchmarks: confirmed.size,
    confirmationRounds: [...confirmed.values()].reduce((a, b) => a + b, 0)
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const env = process.env
  const r = await runWalltimeBench({
    count: env.WALL_COUNT ? Number(env.WALL_COUNT) : undefined,
    benchtime: env.WALL_BENCHTIME,
    variants: env.WALL_VARIANTS,
    profiles: env.WALL_PROFILES
  })
  console.log(
    `wall time, 20 benchmarks, count ${r.count}, benchtime ${r.benchtime}, variants ${r.variants}`
  )
  console.log(
    `bench stage: ${(r.stageMs / 1000).toFixed(1)} s  (${r.stageSamples} samples per side per benchmark)`
  )
  console.log(
    `plain:       ${(r.plainMs / 1000).toFixed(1)} s  (go test -bench -count=N base, head, benchstat)`
  )
  console.log(
    `ratio stage/plain: ${r.ratio.toFixed(2)}  (stage flagged ${r.stageFlags} comparisons)`
  )
  console.log(
    `confirmation: ${r.confirmedBenchmarks} benchmark-variants, ${r.confirmationRounds} benchmark-rounds`
  )
}
