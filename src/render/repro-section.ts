/**
 * "Reproduce locally": shell commands a reviewer can paste. Every value that reaches the shell
 * (packages, test and benchmark names, SHAs, GC settings, benchtime) is checked against a small
 * character set first and left out otherwise, so a hostile name can never become a command in a
 * reviewer's terminal. Patterns are single-quoted; none of the allowed characters needs escaping.
 */
import type { Section } from './budget.js'
import { effectiveVerdict } from './bench-rows.js'
import type { RenderContext } from './context.js'
import { codeBlock } from './escape.js'
import { safeSha } from './links.js'
import { details } from './markdown.js'
import { topLevelName } from './names.js'

const MAX_COMMANDS = 8
/** An import path or relative pattern that cannot be read as a flag. */
const SAFE_PACKAGE = /^[A-Za-z0-9._~+][A-Za-z0-9._~+\-/]{0,199}$/
const SAFE_BENCHTIME = /^\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h|x)$/
const ENV_PART = /^(GOGC|GOMEMLIMIT)=([A-Za-z0-9.]+)$/

/** Longest `-run`/`-bench` pattern we print; a line the code block would cut is no command. */
const MAX_PATTERN = 300

/**
 * `'^(A|B)$'` from as many names (sorted) as fit in MAX_PATTERN, and how many were left out.
 * The caller runs the whole package when none fit.
 */
function pattern(names: Set<string>): { arg: string | null; left: number } {
  const picked: string[] = []
  let length = 0
  for (const n of [...names].sort()) {
    if (length + n.length + 1 > MAX_PATTERN) break
    picked.push(n)
    length += n.length + 1
  }
  const arg = picked.length > 0 ? `'^(${picked.join('|')})$'` : null
  return { arg, left: names.size - picked.length }
}

function leftNote(left: number): string {
  return left > 0 ? `  # ${left} more in the job summary` : ''
}

/** `GOGC=25 GOMEMLIMIT=1GiB` from a variant label, or null when it is not that shape. */
function envOf(variant: string): string | null {
  const parts = variant.trim().split(/\s+/)
  return parts.every((p) => ENV_PART.test(p)) ? parts.join(' ') : null
}

function fileTag(env: string): string {
  return env.toLowerCase().replace(/[^a-z0-9]+/g, '')
}

function raceCommands(ctx: RenderContext): string[] {
  const byPackage = new Map<string, Set<string>>()
  for (const item of ctx.report.races.items) {
    if (item.class !== 'new' || !SAFE_PACKAGE.test(item.race.package)) continue
    const names = byPackage.get(item.race.package) ?? new Set<string>()
    for (const t of item.race.tests) {
      const top = topLevelName(t)
      if (top) names.add(top)
    }
    byPackage.set(item.race.package, names)
  }
  const count = Number.isSafeInteger(ctx.report.settings.raceCount)
    ? Math.max(1, ctx.report.settings.raceCount)
    : 1
  const skipped = byPackage.size - MAX_COMMANDS
  const extra = skipped > 0 ? [`# ${skipped} more packages in the job summary`] : []
  return [...byPackage]
    .slice(0, MAX_COMMANDS)
    .map(([pkg, names]) => {
      const { arg, left } = pattern(names)
      const run = arg ? ` -run ${arg}` : ''
      return `go test -race -count=${count}${run} ${pkg}${arg ? leftNote(left) : ''}`
    })
    .concat(extra)
}

function benchCommands(ctx: RenderContext): string[] {
  const wanted = new Map<string, { env: string; pkg: string; names: Set<string> }>()
  for (const c of ctx.report.benchmarks.comparisons) {
    const env = envOf(c.variant)
    const top = topLevelName(c.benchmark)
    if (effectiveVerdict(c) !== 'regression' || !env || !top || !SAFE_PACKAGE.test(c.package)) {
      continue
    }
    const key = JSON.stringify([env, c.package])
    const entry = wanted.get(key) ?? { env, pkg: c.package, names: new Set<string>() }
    entry.names.add(top.startsWith('Benchmark') ? top : `Benchmark${top}`)
    wanted.set(key, entry)
  }
  if (wanted.size === 0) return []
  const s = ctx.report.settings
  const count = Number.isSafeInteger(s.benchCount) ? Math.max(1, s.benchCount) : 10
  const time = SAFE_BENCHTIME.test(s.benchtime) ? ` -benchtime ${s.benchtime}` : ''
  const runs = [...wanted.values()].slice(0, MAX_COMMANDS)
  const cmd = (side: string): string[] =>
    runs.map((r) => {
      const { arg, left } = pattern(r.names)
      const bench = arg ?? '.'
      const out = `${side}-${fileTag(r.env)}.txt`
      return `${r.env} go test -run '^$' -bench ${bench} -benchmem -count ${count}${time} ${r.pkg} >> ${out}${arg ? leftNote(left) : ''}`
    })
  const base = safeSha(ctx.report.repo.baseSha)
  const head = safeSha(ctx.report.repo.headSha)
  const tags = [...new Set(runs.map((r) => fileTag(r.env)))]
  const lines = ['# benchmark regressions: the same runs on base and on head, then compare']
  if (base) lines.push(`git checkout ${base.slice(0, 12)}`, ...cmd('base'))
  if (head) lines.push(`git checkout ${head.slice(0, 12)}`)
  lines.push(...cmd('head'))
  if (base) {
    lines.push('# go install golang.org/x/perf/cmd/benchstat@latest')
    lines.push(...tags.map((t) => `benchstat base-${t}.txt head-${t}.txt`))
  }
  return lines
}

/** The commands, collapsed; one droppable item (the whole block). */
export function reproSection(ctx: RenderContext): Section {
  const races = raceCommands(ctx)
  const bench = benchCommands(ctx)
  if (races.length === 0 && bench.length === 0) return { total: 0, render: () => '' }
  const dir = ctx.report.repo.moduleDir
  const lines: string[] = []
  if (dir && SAFE_PACKAGE.test(dir)) lines.push(`cd ${dir}  # the Go module`)
  if (races.length > 0) lines.push('# new data races', ...races)
  lines.push(...bench)
  const block = details(
    'Reproduce locally',
    codeBlock(lines.join('\n'), { lang: 'sh', maxLines: 80 })
  )
  return { total: 1, render: (k) => (k > 0 ? block : '') }
}
