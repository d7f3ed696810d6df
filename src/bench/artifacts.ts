/**
 * Artifact files of the bench stage: one benchmark format file per GC variant, side and phase
 * (initial / confirm), and benchstat's CSV (with its stderr) and text output per variant.
 */
import path from 'node:path'
import type { GcVariant } from '../domain/config.js'
import { writeBenchfmt } from './benchfmt-write.js'
import { runBenchstat } from './benchstat.js'
import { slug, type BenchContext } from './context.js'
import type { RoundsResult } from './rounds.js'

function fileFor(ctx: BenchContext, variant: string, side: string, phase: string): string {
  return path.join(ctx.outDir, `bench-${slug(variant)}-${phase}-${side}.txt`)
}

/** Writes one benchmark format file per variant and side. */
export async function writeSamples(
  ctx: BenchContext,
  r: RoundsResult,
  phase: string
): Promise<string[]> {
  const out: string[] = []
  for (const v of ctx.config.gcVariants) {
    for (const side of ['base', 'head'] as const) {
      const samples = r.samples.filter((s) => s.variant === v.label && s.side === side)
      if (samples.length === 0) continue
      const file = fileFor(ctx, v.label, side, phase)
      await ctx.fs.writeFile(file, writeBenchfmt(samples))
      out.push(file)
    }
  }
  return out
}

/** Runs benchstat for one variant's initial files; `failure` says why it cannot be trusted. */
export async function benchstatFor(
  ctx: BenchContext,
  benchstat: string,
  v: GcVariant,
  phase: string
) {
  const baseFile = fileFor(ctx, v.label, 'base', phase)
  const headFile = fileFor(ctx, v.label, 'head', phase)
  if (!(await ctx.fs.exists(baseFile)) || !(await ctx.fs.exists(headFile))) {
    return { text: '', files: [], failure: null }
  }
  const r = await runBenchstat(ctx.runner, {
    benchstat,
    cwd: ctx.outDir,
    baseFile: path.basename(baseFile),
    headFile: path.basename(headFile)
  })
  const stem = path.join(ctx.outDir, `benchstat-${slug(v.label)}-${phase}`)
  await ctx.fs.writeFile(`${stem}.csv`, r.csvRaw)
  await ctx.fs.writeFile(`${stem}.txt`, r.text)
  return { text: r.text, files: [`${stem}.csv`, `${stem}.txt`], failure: r.failure }
}
