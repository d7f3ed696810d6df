/** What every part of the bench stage needs: configuration, where things are, and the ports. */
import { createHash } from 'node:crypto'
import type { Checkouts } from '../domain/checkouts.js'
import type { Config } from '../domain/config.js'
import type { Side } from '../domain/model.js'
import type { FileSystem, Logger, ProcessRunner } from '../ports.js'

export interface BenchContext {
  config: Config
  checkouts: Checkouts
  outDir: string
  runner: ProcessRunner
  logger: Logger
  fs: FileSystem
}

/** One side's compiled test binary for a package. */
export interface SideBuild {
  binary: string
  /** Package source directory: the binary runs there, as `go test` would. */
  dir: string
  /** Top-level benchmarks matching `bench`, from `-test.list`. */
  benchmarks: string[]
  /** Absolute paths of the package's _test.go files (for benchmark source locations). */
  testFiles?: string[]
}

/** One package to benchmark on both sides. */
export interface PackageTarget {
  importPath: string
  slug: string
  base: SideBuild | null
  head: SideBuild | null
}

/** A file-name-safe, collision-free rendering of any string (names may hold `/`, `|`, backticks). */
export function slug(s: string): string {
  const readable = s
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 60)
  return `${readable || 'x'}-${createHash('sha256').update(s).digest('hex').slice(0, 8)}`
}

/** The module root of a side, or null. */
export function sideDir(ctx: BenchContext, side: Side): string | null {
  return side === 'head' ? ctx.checkouts.headDir : ctx.checkouts.baseDir
}
