/**
 * Compiles each package's test binary once per side (`go test -c -o`, with build-flags) and lists
 * its benchmarks (`-test.list`). GODEBUG/GOGC are NOT set here: they would slow the compiler and
 * put its gctrace lines in the output; they are set only for the measured binary.
 */
import path from 'node:path'
import type { Problem, Side } from '../domain/model.js'
import { topLevelPattern } from './bench-regex.js'
import { sideDir, slug, type BenchContext, type PackageTarget, type SideBuild } from './context.js'

const BUILD_TIMEOUT_MS = 20 * 60_000

export interface BuildResult {
  targets: PackageTarget[]
  problems: Problem[]
  notes: string[]
}

/** Builds and lists every package on both sides. */
export async function buildTargets(
  ctx: BenchContext,
  packages: readonly string[]
): Promise<BuildResult> {
  const problems: Problem[] = []
  const notes: string[] = []
  const dirs = {
    head: await listDirs(ctx, 'head', packages, problems),
    base: await listDirs(ctx, 'base', packages, problems)
  }
  const targets: PackageTarget[] = []
  for (const importPath of packages) {
    const t: PackageTarget = { importPath, slug: slug(importPath), base: null, head: null }
    for (const side of ['base', 'head'] as const) {
      const listed = dirs[side].get(importPath)
      if (!listed) continue
      const built = await buildOne(
        ctx,
        { side, importPath, dir: listed.dir, slug: t.slug },
        problems
      )
      t[side] = built && { ...built, testFiles: listed.testFiles }
    }
    if (!t.head?.benchmarks.length && !t.base?.benchmarks.length) {
      notes.push(`${importPath}: no benchmarks match ${JSON.stringify(ctx.config.bench)}`)
      continue
    }
    if (!t.base)
      notes.push(
        `${importPath}: not compared — no benchmark binary on base (new package or base tests do not build)`
      )
    else if (!t.head) notes.push(`${importPath}: not compared — no benchmark binary on head`)
    targets.push(t)
  }
  return { targets, problems, notes }
}

/** `go list -e` gives each package's directory on a side (absent packages are skipped). */
async function listDirs(
  ctx: BenchContext,
  side: Side,
  packages: readonly string[],
  problems: Problem[]
): Promise<Map<string, { dir: string; testFiles: string[] }>> {
  const root = sideDir(ctx, side)
  const out = new Map<string, { dir: string; testFiles: string[] }>()
  if (!root || packages.length === 0) return out
  const r = await ctx.runner.run({
    command: 'go',
    args: [
      'list',
      '-e',
      '-f',
      '{{.ImportPath}}\t{{.Dir}}\t{{len .TestGoFiles}}\t{{len .XTestGoFiles}}\t{{join .TestGoFiles "/"}}/{{join .XTestGoFiles "/"}}',
      ...ctx.config.buildFlags,
      ...packages
    ],
    cwd: root,
    timeoutMs: BUILD_TIMEOUT_MS,
    echo: false
  })
  for (const line of r.stdout.split('\n')) {
    const [importPath, dir, tests, xtests, files = ''] = line.split('\t')
    if (!importPath || !dir) continue
    // File names cannot contain '/', so it separates them safely.
    const testFiles = files
      .split('/')
      .filter(Boolean)
      .map((f) => path.join(dir, f))
    if (Number(tests) + Number(xtests) > 0) out.set(importPath, { dir, testFiles })
  }
  if (r.exitCode !== 0 && out.size === 0) {
    problems.push({
      kind: 'build-failed',
      side,
      package: null,
      message: `go list failed on ${side}: ${(r.stderr || r.stdout).trim().slice(0, 1000)}`,
      blocking: side === 'head'
    })
  }
  return out
}

async function buildOne(
  ctx: BenchContext,
  t: { side: Side; importPath: string; dir: string; slug: string },
  problems: Problem[]
): Promise<SideBuild | null> {
  const binDir = path.join(ctx.outDir, '.bin', t.side)
  await ctx.fs.mkdirp(binDir)
  const binary = path.join(binDir, `${t.slug}.test${process.platform === 'win32' ? '.exe' : ''}`)
  const root = sideDir(ctx, t.side)!
  const r = await ctx.runner.run({
    command: 'go',
    args: ['test', '-c', '-o', binary, ...ctx.config.buildFlags, t.importPath],
    cwd: root,
    timeoutMs: BUILD_TIMEOUT_MS,
    echo: false
  })
  if (r.exitCode !== 0) {
    problems.push({
      kind: 'build-failed',
      side: t.side,
      package: t.importPath,
      message: `tests of ${t.importPath} do not build on ${t.side}; its benchmarks are not compared:\n${(r.stderr || r.stdout).trim().slice(0, 2000)}`,
      // A base that does not build is the PR's starting point, not its fault.
      blocking: t.side === 'head'
    })
    return null
  }
  if (!(await ctx.fs.exists(binary))) return null
  const list = await ctx.runner.run({
    command: binary,
    args: [`-test.list=${topLevelPattern(ctx.config.bench)}`],
    cwd: t.dir,
    timeoutMs: 60_000,
    echo: false
  })
  const benchmarks = list.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^Benchmark/.test(l))
  return { binary, dir: t.dir, benchmarks }
}
