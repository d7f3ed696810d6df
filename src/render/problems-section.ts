/** Build failures, timeouts, missing base, tool errors and not-understood output, shown plainly. */
import type { Problem, ProblemKind } from '../domain/model.js'
import type { Section } from './budget.js'
import { capped, moreNote, type RenderContext } from './context.js'
import { code, codeBlock, text } from './escape.js'
import { details, plural } from './markdown.js'

const LABEL: Record<ProblemKind, string> = {
  'build-failed': 'Build failed',
  timeout: 'Timed out',
  'test-failed': 'Tests failed',
  panic: 'Panic',
  'base-unavailable': 'Base unavailable',
  'tool-error': 'Tool error',
  'bench-failed': 'Benchmark failed'
}

function problemBlock(p: Problem): string {
  const icon = p.blocking ? '⛔' : '⚠️'
  const side = p.side === 'head' || p.side === 'base' ? ` on ${p.side}` : ''
  const pkg = p.package ? ` in ${code(p.package)}` : ''
  // Only the head of a huge message is ever shown; do not split megabytes of build output.
  const message = p.message.slice(0, 20_000)
  const lines = message.split(/\r\n|\r|\n/)
  const first = lines.find((l) => l.trim() !== '') ?? ''
  const head = `**${icon} ${LABEL[p.kind] ?? 'Problem'}**${side}${pkg}${first ? `: ${text(first, 300)}` : ''}`
  const multiline = lines.filter((l) => l.trim() !== '').length > 1 || first.length > 300
  if (!multiline) return head
  return `${head}\n\n${details('Output', codeBlock(message, { maxLines: 40, maxChars: 4000 }))}`
}

function unparsedBlock(ctx: RenderContext, n: number, what: string, samples: string[]): string {
  const head = `**⚠️ ${plural(n, 'line')} of ${what} output not understood** (counted, not dropped).`
  if (ctx.mode === 'comment' || samples.length === 0) return head
  return `${head}\n\n${details('Samples', codeBlock(samples.join('\n'), { maxLines: 100 }))}`
}

/** What the benchmark stage wants a reader to know (no benchmarks, one side only, dropped flags). */
function notesBlock(ctx: RenderContext, notes: string[]): string {
  const shown = ctx.mode === 'comment' ? notes.slice(0, 10) : notes.slice(0, 500)
  const items = shown.map((n) => `- ${text(n, 300)}`)
  const more = notes.length - shown.length
  if (more > 0)
    items.push(`- … ${plural(more, 'more note')} in the job summary and the report artifact`)
  return `**ℹ️ Benchmark notes**\n\n${items.join('\n')}`
}

export function problemsSection(ctx: RenderContext): Section {
  const { problems, races, benchmarks } = ctx.report
  const sorted = [...problems].sort((a, b) => Number(b.blocking) - Number(a.blocking))
  const blocks = sorted.map((p) => () => problemBlock(p))
  if (races.unparsed > 0) {
    blocks.push(() => unparsedBlock(ctx, races.unparsed, 'race', races.unparsedSamples))
  }
  if (benchmarks.unparsed > 0) {
    blocks.push(() =>
      unparsedBlock(ctx, benchmarks.unparsed, 'benchmark', benchmarks.unparsedSamples)
    )
  }
  const notes = benchmarks.notes ?? []
  if (notes.length > 0) blocks.push(() => notesBlock(ctx, notes))
  return {
    total: capped(blocks.length, ctx.caps.problems),
    render(k) {
      if (blocks.length === 0) return ''
      const shown = blocks.slice(0, k).map((b) => b())
      const more = moreNote(ctx, blocks.length - k, 'problem')
      return ['### ⚠️ Problems', ...shown, more].filter((s) => s !== '').join('\n\n')
    }
  }
}
