/**
 * Confirmation's two looks through the real round runner, with a fake process runner that
 * replays a real benchmark process's output (power.out: header, gctrace lines splitting the
 * benchmark line, result) under another name and ns/op.
 */
import { describe, expect, it } from 'vitest'
import type { SideRuns } from '../../src/bench/calibrate.js'
import { confirmSuspects } from '../../src/bench/confirmation.js'
import type { BenchContext, PackageTarget } from '../../src/bench/context.js'
import { confirm, screen } from '../../src/bench/gate.js'
import { groupMetrics } from '../../src/bench/group.js'
import { measure } from '../../src/bench/rounds.js'
import { parseConfig } from '../../src/config/parse-config.js'
import type { ProcessRunner, RunResult, RunSpec } from '../../src/ports.js'
import { ok } from '../toolchain/fakes.js'
import { MemFs, silentLogger } from './fakes.js'
import { fixture } from './helpers.js'

/** The real output of one SHA256 sample, up to and including its result line. */
const SHA256 = (() => {
  const lines = fixture('power.out').split('\n')
  const end = lines.findIndex((l) => /^\s+\d+\t\s+\d+ ns\/op/.test(l))
  return lines.slice(0, end + 1).join('\n')
})()

const BENCHMARKS = ['BenchmarkSlower', 'BenchmarkNoise']

/**
 * Head's BenchmarkSlower is 30% slower in every run. Head's BenchmarkNoise is 30% slower in its
 * first `screenRounds` runs and 10% faster after: noise the fresh rounds do not bear out.
 */
class ScriptedRunner implements ProcessRunner {
  readonly calls: { side: string; bench: string }[] = []
  private readonly seen = new Map<string, number>()
  constructor(private readonly screenRounds: number) {}
  async run(spec: RunSpec): Promise<RunResult> {
    const side = spec.command.includes('/base/') ? 'base' : 'head'
    const bench = BENCHMARKS.find((b) => spec.args.some((a) => a.includes(b)))!
    const seen = this.seen.get(side + bench) ?? 0
    this.seen.set(side + bench, seen + 1)
    this.calls.push({ side, bench })
    const jitter = 1 + ((seen * 7) % 5) / 1000
    let ns = 24000 * jitter
    if (side === 'head' && (bench === 'BenchmarkSlower' || seen < this.screenRounds)) ns *= 1.3
    else if (side === 'head') ns *= 0.9
    const stdout = SHA256.replace('BenchmarkSHA256', bench).replace(
      /\d+ ns\/op/,
      `${Math.round(ns)} ns/op`
    )
    return ok(stdout)
  }
}

describe('confirmSuspects', () => {
  it('gives every suspect the look’s rounds and only the ones still leaning their way the rest', async () => {
    const benchCount = 4
    const runner = new ScriptedRunner(benchCount)
    const fs = new MemFs()
    await fs.mkdirp('/out')
    const ctx: BenchContext = {
      config: parseConfig({ 'bench-count': String(benchCount), 'gc-variants': '100' }),
      checkouts: {
        headRepo: '/src/head',
        headDir: '/src/head',
        headSha: 'h',
        baseRepo: '/src/base',
        baseDir: '/src/base',
        baseSha: 'b',
        baseUnavailableReason: null,
        changedFiles: null,
        moduleDir: ''
      },
      outDir: '/out',
      runner,
      logger: silentLogger,
      fs
    }
    const build = (side: string) => ({
      binary: `/bin/${side}/work.test`,
      dir: `/src/${side}/work`,
      benchmarks: BENCHMARKS
    })
    const target: PackageTarget = {
      importPath: 'example.com/power/work',
      slug: 'work',
      base: build('base'),
      head: build('head')
    }
    const runs = BENCHMARKS.map((b) => ({ pattern: `^${b}$`, benchtime: '960x', names: [b] }))
    const runsOf = (): SideRuns => ({ base: runs, head: runs })

    const initial = await measure(ctx, [target], benchCount, 1, runsOf)
    const metrics = groupMetrics(initial.samples).metrics
    const screened = screen(metrics, ctx.config)
    const suspectNames = screened.suspects.map((i) => metrics[i].benchmark)
    expect(suspectNames.sort()).toEqual(BENCHMARKS.slice().sort())

    runner.calls.length = 0
    const fresh = await confirmSuspects(
      ctx,
      [target],
      metrics,
      screened.suspects,
      screened.comparisons,
      runsOf
    )
    const count = (bench: string) => runner.calls.filter((c) => c.bench === bench).length
    // Look: 4 rounds × 2 sides for both; then BenchmarkSlower alone up to 3 × 4 rounds.
    expect(count('BenchmarkNoise')).toBe(2 * benchCount)
    expect(count('BenchmarkSlower')).toBe(2 * 3 * benchCount)
    // ABBA carries on across the two looks (rounds 5–16: odd rounds base first).
    const order = runner.calls
      .filter((c) => c.bench === 'BenchmarkSlower')
      .map((c) => (c.side === 'base' ? 'A' : 'B'))
      .join('')
    expect(order).toBe('ABBA'.repeat(6))
    const noise = screened.suspects.find((i) => metrics[i].benchmark === 'BenchmarkNoise')!
    const slower = screened.suspects.find((i) => metrics[i].benchmark === 'BenchmarkSlower')!
    expect([...fresh.dropped]).toEqual([noise])
    expect(fresh.byIndex.get(noise)!.head).toHaveLength(benchCount)
    expect(fresh.byIndex.get(slower)!.head).toHaveLength(3 * benchCount)
    expect(fresh.files.length).toBeGreaterThan(0)

    const out = confirm(screened, fresh.byIndex, ctx.config, fresh.dropped)
    expect(out[slower]).toMatchObject({ verdict: 'regression', confirmed: true })
    expect(out[noise]).toMatchObject({ verdict: 'unchanged', confirmed: false })
  })
})
