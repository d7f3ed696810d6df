/**
 * benchstat (golang.org/x/perf/cmd/benchstat): install once per pinned version into a cacheable
 * GOBIN directory, run it per GC variant, and refuse to trust it blindly — it exits 0 even when
 * it failed (`benchstat: open x: no such file`), so stderr and stdout are checked.
 *
 * Pins (x/perf has no tags; pseudo-versions verified with `go list -m golang.org/x/perf@latest`
 * and `go mod download -json` against proxy.golang.org on 2026-11-21):
 * - Go ≥ 1.26: v0.0.0-20260908200009-22c9c6c9d4da (the newest; its go.mod says `go 1.26.0`).
 * - older Go: v0.0.0-20250210164336-884df5810d28 (884df58, the last commit whose go.mod says
 *   `go 1.18`; from c95ad7d on it is 1.23.0, later 1.24.0, 1.25.0, 1.26.0). Its CSV rows are
 *   ragged (before 8f5f3ab); the parser accepts both.
 * GOTOOLCHAIN=local keeps `go install` from fetching a newer toolchain behind our back.
 */
import path from 'node:path'
import { ToolError } from '../domain/errors.js'
import type { FileSystem, Logger, ProcessRunner } from '../ports.js'
import { parseBenchstatCsv, type BenchstatCsv } from './benchstat-csv.js'

export const BENCHSTAT_NEW = 'v0.0.0-20260908200009-22c9c6c9d4da'
export const BENCHSTAT_OLD = 'v0.0.0-20250210164336-884df5810d28'

/** The pinned x/perf pseudo-version that builds with this Go version (`1.26.8` or `go1.26.8`). */
export function benchstatVersionFor(goVersion: string): string {
  const m = /(\d+)\.(\d+)/.exec(goVersion)
  if (!m) return BENCHSTAT_OLD
  const [major, minor] = [Number(m[1]), Number(m[2])]
  return major > 1 || minor >= 26 ? BENCHSTAT_NEW : BENCHSTAT_OLD
}

export interface BenchstatDeps {
  runner: ProcessRunner
  fs: FileSystem
  logger: Logger
}

/**
 * Installs benchstat into `<binDir>/<version>/benchstat` unless it is already there (the
 * directory is what the cache step saves), and returns the binary's path.
 */
export async function ensureBenchstat(
  deps: BenchstatDeps,
  opts: { goVersion: string; binDir: string }
): Promise<string> {
  const version = benchstatVersionFor(opts.goVersion)
  const dir = path.join(opts.binDir, version)
  const bin = path.join(dir, process.platform === 'win32' ? 'benchstat.exe' : 'benchstat')
  if (await deps.fs.exists(bin)) return bin
  await deps.fs.mkdirp(dir)
  const pkg = `golang.org/x/perf/cmd/benchstat@${version}`
  deps.logger.info(`Installing ${pkg}`)
  const r = await deps.runner.run({
    command: 'go',
    args: ['install', pkg],
    cwd: dir,
    env: { GOBIN: dir, GOTOOLCHAIN: 'local', GOFLAGS: '' },
    timeoutMs: 10 * 60_000,
    echo: false
  })
  if (r.exitCode !== 0 || !(await deps.fs.exists(bin))) {
    throw new ToolError(
      `go install ${pkg} failed`,
      'go install',
      r.exitCode,
      (r.stderr || r.stdout).slice(-2000)
    )
  }
  return bin
}

/** One benchstat comparison of a base and a head benchmark file. */
export interface BenchstatRun {
  csv: BenchstatCsv
  /** The CSV as printed, with benchstat's stderr (warnings) appended as `# ` lines. */
  csvRaw: string
  text: string
  /** Why the output cannot be trusted, or null when it worked. */
  failure: string | null
}

/** Runs `benchstat -col side` in csv and text format on two files (base first). */
export async function runBenchstat(
  runner: ProcessRunner,
  opts: { benchstat: string; cwd: string; baseFile: string; headFile: string }
): Promise<BenchstatRun> {
  const common = ['-col', 'side', opts.baseFile, opts.headFile]
  const spec = { command: opts.benchstat, cwd: opts.cwd, timeoutMs: 5 * 60_000, echo: false }
  const csvRun = await runner.run({ ...spec, args: ['-format', 'csv', ...common] })
  const textRun = await runner.run({ ...spec, args: common })
  const csv = parseBenchstatCsv(csvRun.stdout, csvRun.stderr)
  const warnings = csvRun.stderr.trim()
    ? `\n# benchstat stderr:\n${csvRun.stderr.trim().replace(/^/gm, '# ')}\n`
    : ''
  return {
    csv,
    csvRaw: csvRun.stdout + warnings,
    text: textRun.stdout,
    failure: benchstatFailure(csvRun, csv)
  }
}

/** Decides whether a benchstat run failed despite its exit status. Pure. */
export function benchstatFailure(
  run: { exitCode: number | null; stdout: string; stderr: string; timedOut: boolean },
  csv: BenchstatCsv
): string | null {
  if (run.timedOut) return 'benchstat timed out'
  if (run.exitCode !== 0)
    return `benchstat exited with ${run.exitCode}: ${run.stderr.trim().slice(0, 500)}`
  const fatal = csv.errors.find((e) => e.startsWith('benchstat: '))
  if (fatal) return fatal
  if (csv.errors.length)
    return `benchstat could not read its input: ${csv.errors.slice(0, 3).join('; ')}`
  if (run.stdout.trim() === '' || csv.tables.length === 0) return 'benchstat printed no results'
  return null
}
