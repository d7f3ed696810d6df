/**
 * CPU and memory profiles under GOGC=100, base and head, then `go tool pprof -top -diff_base`.
 *
 * Policy: with `profiles` empty nothing is profiled. Otherwise every regressed benchmark is
 * profiled on its own (one run per side restricted to it, so its profile is not diluted by the
 * rest of the package) and gets a diff in the report. Packages without a regression are not
 * profiled: that would cost an extra round on every PR (measured: stage/plain wall time 1.18
 * with it, at bench-count 5) for profiles nobody needs when nothing regressed.
 */
import path from 'node:path'
import type { PprofDiff, Problem, Side } from '../domain/model.js'
import type { ProfileKind } from '../domain/config.js'
import { exactBenchPatterns } from './bench-regex.js'
import { slug, type BenchContext, type PackageTarget } from './context.js'
import { benchArgs } from './rounds.js'
import { parseRunOutput } from './run-output.js'

const TOP_LINES = 15

export interface ProfileResult {
  profiles: PprofDiff[]
  files: string[]
  problems: Problem[]
}

/** Profiles regressed benchmarks (with diffs) and, cheaply, every other benchmarked package. */
export async function collectProfiles(
  ctx: BenchContext,
  opts: { targets: PackageTarget[]; regressed: Map<string, string[]> }
): Promise<ProfileResult> {
  const res: ProfileResult = { profiles: [], files: [], problems: [] }
  const kinds = ctx.config.profiles
  if (kinds.length === 0) return res
  const dir = path.join(ctx.outDir, 'profiles')
  await ctx.fs.mkdirp(dir)
  for (const t of opts.targets) {
    if (!t.base || !t.head) continue
    const names = opts.regressed.get(t.importPath) ?? []
    for (const name of names) {
      const stem = path.join(dir, `${t.slug}-${slug(name)}`)
      const got = await profilePair(ctx, t, exactBenchPatterns([name])[0], stem, res)
      if (!got) continue
      for (const kind of kinds) {
        const top = await pprofDiff(ctx, kind, got.base[kind], got.head[kind])
        if (top) res.profiles.push({ package: t.importPath, benchmark: name, profile: kind, top })
        else
          res.problems.push(
            toolProblem(`go tool pprof -diff_base failed for ${name} (${kind})`, t.importPath)
          )
      }
    }
  }
  return res
}

type Files = Record<ProfileKind, string>

async function profilePair(
  ctx: BenchContext,
  t: PackageTarget,
  pattern: string,
  stem: string,
  res: ProfileResult
): Promise<{ base: Files; head: Files } | null> {
  const files: Partial<Record<Side, Files>> = {}
  // With a time-based -benchtime a slower head runs fewer iterations in the same time, and a diff
  // of the two profiles mostly shows that. For a diff, head repeats exactly base's iteration count.
  let benchtime = ctx.config.benchtime
  for (const side of ['base', 'head'] as const) {
    const build = t[side]!
    const f: Files = { cpu: `${stem}-${side}.cpu.pprof`, mem: `${stem}-${side}.mem.pprof` }
    const profArgs = ctx.config.profiles.map(
      (k) => `-test.${k === 'cpu' ? 'cpuprofile' : 'memprofile'}=${f[k]}`
    )
    const r = await ctx.runner.run({
      command: build.binary,
      args: [...benchArgs(ctx.config, pattern, benchtime), ...profArgs],
      cwd: build.dir,
      env: { GOGC: '100' },
      timeoutMs: ctx.config.testTimeoutMs + 30_000,
      echo: false
    })
    const written: string[] = []
    for (const k of ctx.config.profiles) if (await ctx.fs.exists(f[k])) written.push(f[k])
    res.files.push(...written)
    if (r.exitCode !== 0 || written.length < ctx.config.profiles.length) {
      res.problems.push(
        toolProblem(
          `profiling ${t.importPath} on ${side} failed (exit ${r.exitCode})`,
          t.importPath,
          side
        )
      )
      return null
    }
    files[side] = f
    const n = iterationsOf(r.stdout)
    if (n !== null) benchtime = `${n}x`
  }
  return { base: files.base!, head: files.head! }
}

async function pprofDiff(
  ctx: BenchContext,
  kind: ProfileKind,
  base: string,
  head: string
): Promise<string[] | null> {
  const args = ['tool', 'pprof', '-top', `-nodecount=${TOP_LINES}`]
  if (kind === 'mem') args.push('-sample_index=alloc_space')
  args.push(`-diff_base=${base}`, head)
  const r = await ctx.runner.run({
    command: 'go',
    args,
    cwd: ctx.checkouts.headDir,
    timeoutMs: 120_000,
    echo: false
  })
  if (r.exitCode !== 0) return null
  return trimPprofTop(r.stdout)
}

/** The iteration count of the first benchmark result in a run's output, or null. Pure. */
export function iterationsOf(stdout: string): number | null {
  return parseRunOutput(stdout).results[0]?.iterations ?? null
}

/** Keeps pprof's summary lines and the first entries of its table. Pure. */
export function trimPprofTop(out: string): string[] {
  const lines = out
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '')
  const header = lines.findIndex((l) => /^\s*flat\s+flat%/.test(l))
  if (header < 0) return lines.slice(0, TOP_LINES)
  const summary = lines.slice(0, header).filter((l) => !/^(File|Build ID|Type|Time):/.test(l))
  return [...summary, ...lines.slice(header, header + 1 + TOP_LINES)]
}

function toolProblem(message: string, pkg: string, side: Side | null = null): Problem {
  return { kind: 'tool-error', side, package: pkg, message, blocking: false }
}
