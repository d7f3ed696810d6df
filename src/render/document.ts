/**
 * The sections of a report document in display order, with the priority in which they receive
 * room when the document has to shrink. Shared by the comment and the job summary.
 */
import { fixed, type Section, type Step } from './budget.js'
import { artifactLinks, benchSections } from './bench-section.js'
import type { RenderContext } from './context.js'
import { code, text } from './escape.js'
import { headlineParts, VERDICT_ICON } from './headline.js'
import { safeSha } from './links.js'
import { problemsSection } from './problems-section.js'
import { raceSections } from './races-section.js'
import { reproSection } from './repro-section.js'

/** `❌ 1 new data race · 2 regressions`, as escaped Markdown (one line). */
export function headlineMarkdown(ctx: RenderContext): string {
  const h = headlineParts(ctx.report)
  const icon = VERDICT_ICON[h.status]
  const tail = h.phrases.join(' · ')
  if (h.status === 'incomplete') {
    const firstLine =
      (h.reason ?? '')
        .slice(0, 2000)
        .split(/\r\n|\r|\n/)
        .find((l) => l.trim() !== '') ?? ''
    return `${icon} Incomplete: ${text(firstLine, 160)}${tail ? ` · ${tail}` : ''}`
  }
  if (h.lead) return `${icon} ${h.lead}${tail ? ` · ${tail}` : ''}`
  const note = h.tolerated ? ' (not failing: allowed by the fail-on-* settings)' : ''
  return `${icon} ${tail || 'Failed'}${note}`
}

/** One line of context under the headline: which commits, Go version, shard, header. */
function contextLine(ctx: RenderContext): string {
  const { repo, goVersion, shard, settings } = ctx.report
  const head = safeSha(repo.headSha)
  const base = safeSha(repo.baseSha)
  const parts: string[] = []
  if (settings.commentHeader) parts.push(`<b>${text(settings.commentHeader, 80)}</b>`)
  const commits = head ? `head ${code(head.slice(0, 7))}` : 'head'
  parts.push(
    base ? `${commits} vs base ${code(base.slice(0, 7))}` : `${commits}, no base to compare with`
  )
  if (goVersion) parts.push(`Go ${text(goVersion.replace(/^go(?=\d)/, ''), 40)}`)
  if (shard && Number.isSafeInteger(shard.index) && Number.isSafeInteger(shard.total)) {
    parts.push(`shard ${shard.index}/${shard.total}`)
  }
  return `<sub>${parts.join(' · ')}</sub>`
}

function footer(ctx: RenderContext): string {
  const links = artifactLinks(ctx)
  const where = ctx.mode === 'comment' ? 'Full report: job summary' : 'Full data: JSON report'
  const version = text(ctx.report.toolVersion, 40)
  return `<sub>go-race-gc-guard ${version} · ${where}${links ? ` · ${links}` : ''}</sub>`
}

export interface Document {
  sections: Section[]
  /** Allocation steps, most important first (see `assemble`). */
  steps: Step[]
}

/**
 * Display order: headline, problems, races (new, fixed, unclassified, pre-existing), benchmarks
 * (changes, profile diffs, all results), reproduce, footer. Allocation: problems and the
 * reproduce block first, then a first share for new races and changed benchmarks (so a flood of
 * one cannot crowd out the other), then the rest in order of importance.
 */
export function buildDocument(ctx: RenderContext, top: string): Document {
  const races = raceSections(ctx)
  const bench = benchSections(ctx)
  const heading = `${top}## ${headlineMarkdown(ctx)}\n\n${contextLine(ctx)}`
  const sections: Section[] = [
    fixed(heading), // 0
    problemsSection(ctx), // 1
    races.heading, // 2
    races.new, // 3
    races.fixed, // 4
    races.unclassified, // 5
    races.existing, // 6
    bench.heading, // 7
    bench.changed, // 8
    bench.profiles, // 9
    bench.all, // 10
    bench.benchstat, // 11
    reproSection(ctx), // 12
    fixed(footer(ctx)) // 13
  ]
  const steps: Step[] = [[1, 5], 12, [3, 5], [8, 40], [9, 2], 1, 3, 8, 4, 5, 9, 6, 10, 11]
  return { sections, steps }
}
