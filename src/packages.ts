import { createHash } from 'node:crypto'
import type { Shard } from './domain/config.js'
import type { Problem } from './domain/model.js'
import type { ProcessRunner } from './ports.js'

export interface GoPackage {
  importPath: string
  dir: string
  hasTests: boolean
  /** go list's error for the package (it may not build); go test will report it in detail. */
  error: string | null
}

const FORMAT =
  '{{.ImportPath}}\t{{.Dir}}\t{{len .TestGoFiles}}\t{{len .XTestGoFiles}}\t{{if .Error}}{{.Error.Err}}{{end}}'

/** Parses `go list -e -f FORMAT` output (pure). */
export function parseGoList(stdout: string): { packages: GoPackage[] } {
  const packages: GoPackage[] = []
  for (const line of stdout.split('\n')) {
    if (line.trim() === '') continue
    const [importPath, dir, tests, xtests, err] = line.split('\t')
    if (!importPath || dir === undefined) continue
    packages.push({
      importPath,
      dir,
      hasTests: Number(tests) + Number(xtests) > 0,
      error: err || null
    })
  }
  return { packages }
}

/**
 * Which shard a package belongs to: a hash of its import path, so the split is the same on base
 * and head and adding a package does not move the others.
 */
export function shardOf(importPath: string, total: number): number {
  const h = createHash('sha256').update(importPath).digest()
  return (h.readUInt32BE(0) % total) + 1
}

export function selectShard(importPaths: string[], shard: Shard | null): string[] {
  if (!shard) return importPaths
  return importPaths.filter((p) => shardOf(p, shard.total) === shard.index)
}

/**
 * Lists the packages matching `patterns` in `dir` that have tests, plus those go list could not
 * load (go test reports why; dropping them would hide a build failure).
 */
export async function listTestPackages(
  runner: ProcessRunner,
  input: { dir: string; patterns: string[]; buildFlags: string[] }
): Promise<{ packages: GoPackage[]; problems: Problem[] }> {
  const r = await runner.run({
    command: 'go',
    args: ['list', '-e', ...input.buildFlags, '-f', FORMAT, ...input.patterns],
    cwd: input.dir,
    echo: false,
    timeoutMs: 5 * 60_000
  })
  const { packages } = parseGoList(r.stdout)
  const problems: Problem[] = []
  if (r.exitCode !== 0 && packages.length === 0) {
    problems.push({
      kind: 'tool-error',
      side: 'head',
      package: null,
      message: `go list ${input.patterns.join(' ')} failed: ${r.stderr.trim().slice(-1000)}`,
      blocking: true
    })
  }
  return { packages: packages.filter((p) => p.hasTests || p.error !== null), problems }
}
