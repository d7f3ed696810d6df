/** The benchmark part of the comment and summary. */
import type { MetricComparison } from '../domain/model.js'
import type { Section } from './budget.js'
import {
  benchCell,
  CHANGED_ALIGN,
  CHANGED_HEADERS,
  changedRow,
  changedRows,
  compactCell,
  effectiveVerdict,
  groupComparisons,
  type BenchGroup
} from './bench-rows.js'
import { capped, int, moreNote, type RenderContext } from './context.js'
import { code, codeBlock, text } from './escape.js'
import { formatDuration, formatPercent, KIND_ORDER } from './format.js'
import { sameOriginUrl } from './links.js'
import { details, link, plural, table } from './markdown.js'

/** Columns beyond this many units go to the JSON report only (custom units are unbounded). */
const MAX_UNIT_COLUMNS = 6

export interface BenchSections {
  heading: Section
  changed: Section
  profiles: Section
  all: Section
  benchstat: Section
}

const EMPTY: Section = { total: 0, render: () => '' }

function join(parts: string[]): string {
  return parts.filter((p) => p !== '').join('\n\n')
}

/** Variants in the configured order, then any the comparisons name that the list does not. */
function variantsOf(ctx: RenderContext): string[] {
  const b = ctx.report.benchmarks
  return [...new Set([...b.variants, ...b.comparisons.map((c) => c.variant)])]
}

/** Links to the profiles artifact and the workflow run, when they are known and safe. */
export function artifactLinks(ctx: RenderContext): string {
  const { repo, artifact } = ctx.report
  const parts: string[] = []
  if (artifact) {
    const label = `artifact ${code(artifact.name, 100)}`
    parts.push(link(label, sameOriginUrl(repo, artifact.url)))
  }
  const run = sameOriginUrl(repo, repo.runUrl)
  if (run) parts.push(link('workflow run', run))
  return parts.join(' · ')
}

function num(n: number): string {
  return Number.isFinite(n) ? String(n) : '?'
}

function headingText(ctx: RenderContext): string {
  const b = ctx.report.benchmarks
  const s = ctx.report.settings
  if (b.comparisons.length === 0) return '### Benchmarks\n\nNo benchmark results to compare.'
  const variants = variantsOf(ctx).map((v) => code(v, 60))
  const method =
    `Head and base ran side by side in ${int(b.rounds)} interleaved rounds per GC variant ` +
    `(${variants.join(', ')}; benchtime ${code(s.benchtime, 30)}). A change counts when a ` +
    `rank test at α=${num(s.alpha)} picks it out (for time, one that looks at the fastest ` +
    `samples: runner noise only adds time), it is beyond its threshold ` +
    `(time ${formatPercent(s.timeThreshold)}, memory ${formatPercent(s.allocThreshold)}, ` +
    `GC ${formatPercent(s.gcThreshold)}), and fresh rounds of just the suspects confirm it ` +
    `(Holm–Bonferroni across the suspects, so α bounds the chance of any false alarm); ` +
    `a suspect's row shows those fresh rounds. ` +
    `The benchmark stage took ${formatDuration(b.durationMs)}.`
  const links = artifactLinks(ctx)
  return join([
    '### Benchmarks',
    method,
    links ? `Profiles, benchmark files and benchstat output: ${links}` : ''
  ])
}

function changedSection(ctx: RenderContext): Section {
  const rows = changedRows(ctx.report.benchmarks.comparisons)
  const variants = variantsOf(ctx)
  if (ctx.report.benchmarks.comparisons.length === 0) return EMPTY
  if (rows.length === 0) {
    const n = groupComparisons(ctx.report.benchmarks.comparisons).length
    return { total: 0, render: () => `No significant changes in ${plural(n, 'benchmark result')}.` }
  }
  return {
    total: capped(rows.length, ctx.caps.changedRows),
    render(k) {
      const shown = rows.slice(0, k)
      const parts = variants.map((v) => {
        const all = rows.filter((r) => r.variant === v)
        const mine = shown.filter((r) => r.variant === v)
        const head = `#### Changes under ${code(v, 60)}`
        if (all.length === 0) return `${head}\n\nNo significant changes.`
        if (mine.length === 0) return `${head}\n\n${moreNote(ctx, all.length, 'changed metric')}`
        const body = table(
          CHANGED_HEADERS,
          mine.map((c) => changedRow(ctx, c)),
          CHANGED_ALIGN
        )
        return join([head, body])
      })
      return join([...parts, moreNote(ctx, rows.length - k, 'changed metric')])
    }
  }
}

/** Units of a variant as columns: time, memory, GC, custom; at most MAX_UNIT_COLUMNS. */
function unitColumns(groups: BenchGroup[]): MetricComparison[] {
  const byUnit = new Map<string, MetricComparison>()
  for (const g of groups) for (const r of g.rows) if (!byUnit.has(r.unit)) byUnit.set(r.unit, r)
  return [...byUnit.values()].sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.unit < b.unit ? -1 : 1)
  )
}

function allResultsSection(ctx: RenderContext): Section {
  const groups = groupComparisons(ctx.report.benchmarks.comparisons)
  if (groups.length === 0) return EMPTY
  const comment = ctx.mode === 'comment'
  return {
    total: capped(groups.length, ctx.caps.allRows),
    render(k) {
      const shown = groups.slice(0, k)
      const parts = variantsOf(ctx).flatMap((v) => {
        const mine = shown.filter((g) => g.variant === v)
        if (mine.length === 0) return []
        const columns = unitColumns(groups.filter((g) => g.variant === v))
        const units = columns.slice(0, MAX_UNIT_COLUMNS).map((c) => c.unit)
        const extra = columns.length - units.length
        const rows = mine.map((g) => [
          benchCell(ctx, g.package, g.benchmark),
          ...units.map((u) => compactCell(g.rows.find((r) => r.unit === u)))
        ])
        const title = comment ? `**${code(v, 60)}**` : `#### All results under ${code(v, 60)}`
        const more = extra > 0 ? `${plural(extra, 'more unit')} in the JSON report.` : ''
        return [join([title, table(['Benchmark', ...units.map((u) => text(u, 40))], rows), more])]
      })
      const body = join([...parts, moreNote(ctx, groups.length - k, 'benchmark row')])
      if (!comment) return body
      const summary = `All results: ${plural(groups.length, 'benchmark row')} (time, memory and GC metrics)`
      return details(summary, body)
    }
  }
}

function profilesSection(ctx: RenderContext): Section {
  const regressed = new Set(
    ctx.report.benchmarks.comparisons
      .filter((c) => effectiveVerdict(c) === 'regression')
      .map((c) => JSON.stringify([c.package, c.benchmark]))
  )
  const isRegressed = (p: { package: string; benchmark: string }): boolean =>
    regressed.has(JSON.stringify([p.package, p.benchmark]))
  const profiles = [...ctx.report.benchmarks.profiles].sort(
    (a, b) => Number(isRegressed(b)) - Number(isRegressed(a))
  )
  if (profiles.length === 0) return EMPTY
  return {
    total: capped(profiles.length, ctx.caps.profiles),
    render(k) {
      const blocks = profiles.slice(0, k).map((p) => {
        const kind = p.profile === 'cpu' ? 'CPU' : 'Memory'
        const summary = `${kind} profile of ${benchCell(ctx, p.package, p.benchmark)}`
        return details(summary, codeBlock(p.top.join('\n'), { maxLines: 40, maxChars: 4000 }))
      })
      const head = '#### Profile diffs (head − base, top functions by flat)'
      return join([head, ...blocks, moreNote(ctx, profiles.length - k, 'profile diff')])
    }
  }
}

/** benchstat's own text tables, for the summary only. */
function benchstatSection(ctx: RenderContext): Section {
  const entries = Object.entries(ctx.report.benchmarks.benchstatText ?? {})
  if (ctx.mode === 'comment' || entries.length === 0) return EMPTY
  return {
    total: entries.length,
    render(k) {
      const blocks = entries
        .slice(0, k)
        .map(([variant, out]) =>
          details(
            `benchstat output under ${code(variant, 60)}`,
            codeBlock(out, { maxLines: 3000, maxChars: 200_000 })
          )
        )
      return join([...blocks, moreNote(ctx, entries.length - k, 'benchstat table')])
    }
  }
}

export function benchSections(ctx: RenderContext): BenchSections {
  if (!ctx.report.benchmarks.enabled) {
    return { heading: EMPTY, changed: EMPTY, profiles: EMPTY, all: EMPTY, benchstat: EMPTY }
  }
  const heading = headingText(ctx)
  return {
    heading: { total: 0, render: () => heading },
    changed: changedSection(ctx),
    profiles: profilesSection(ctx),
    all: allResultsSection(ctx),
    benchstat: benchstatSection(ctx)
  }
}
