/**
 * The job summary: the same report as the comment with every item and the full tables, bounded
 * by the runner's 1 MiB per-step limit (a larger summary is not shown at all).
 */
import type { Report } from '../domain/model.js'
import { assemble } from './budget.js'
import { makeContext, SUMMARY_CAPS } from './context.js'
import { buildDocument, headlineMarkdown } from './document.js'

export interface SummaryOptions {
  /** UTF-8 bytes, default 1 MiB; the body keeps a 16 KiB margin below it. */
  maxBytes?: number
}

export const DEFAULT_SUMMARY_BYTES = 1_048_576

/** Renders the job summary Markdown for a report. */
export function renderSummary(report: Report, opts: SummaryOptions = {}): string {
  const maxBytes = opts.maxBytes ?? DEFAULT_SUMMARY_BYTES
  const ctx = makeContext(report, 'summary', 'the JSON report in the artifact', SUMMARY_CAPS)
  const doc = buildDocument(ctx, '')
  const budget = { bytes: Math.max(0, maxBytes - Math.min(16_384, Math.floor(maxBytes / 16))) }
  const body = assemble(doc.sections, doc.steps, budget)
  if (body !== null) return body + '\n'
  return `## ${headlineMarkdown(ctx)}\n\nThe report is too large for the job summary; see the JSON report in the artifact.\n`
}
