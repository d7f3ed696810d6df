/**
 * Where benchmark functions are declared, so a regression's annotation can point at the head
 * file:line of `func BenchmarkX(b *testing.B)`. The parsing is pure; reading files uses the port.
 */
import path from 'node:path'
import type { MetricComparison } from '../domain/model.js'
import type { FileSystem } from '../ports.js'
import { splitProcs } from './benchfmt.js'
import type { PackageTarget } from './context.js'

const DECL = /^func\s+(Benchmark\w*)\s*\(/

/** Top-level benchmark function name → 1-based line of its declaration. Pure. */
export function benchmarkDeclarations(source: string): Map<string, number> {
  const out = new Map<string, number>()
  source.split('\n').forEach((line, i) => {
    const m = DECL.exec(line)
    if (m && !out.has(m[1])) out.set(m[1], i + 1)
  })
  return out
}

/** `BenchmarkX/sub=1-8` → `BenchmarkX`. Pure. */
export function topLevelName(benchmark: string): string {
  return splitProcs(benchmark).name.split('/')[0]
}

/**
 * Adds `source` to the comparisons of benchmarks declared in a head test file inside the module.
 * Unreadable files are skipped: a location is a convenience, never a reason to fail.
 */
export async function locateBenchmarks(
  comparisons: MetricComparison[],
  targets: readonly PackageTarget[],
  o: { moduleDir: string; fs: FileSystem }
): Promise<MetricComparison[]> {
  const where = new Map<string, { relFile: string; line: number }>()
  for (const t of targets) {
    for (const file of t.head?.testFiles ?? []) {
      const rel = path.relative(o.moduleDir, file).split(path.sep).join('/')
      if (rel.startsWith('..') || path.isAbsolute(rel)) continue
      let text: string
      try {
        text = await o.fs.readFile(file)
      } catch {
        continue
      }
      for (const [name, line] of benchmarkDeclarations(text)) {
        const key = `${t.importPath}\u0000${name}`
        if (!where.has(key)) where.set(key, { relFile: rel, line })
      }
    }
  }
  return comparisons.map((c) => {
    const at = where.get(`${c.package}\u0000${topLevelName(c.benchmark)}`)
    return at ? { ...c, source: at } : c
  })
}
