/**
 * The sticky PR comment: hidden markers first, the verdict in the first visible line, then the
 * findings, shrunk to fit GitHub's 65,536-character limit by dropping items, never by cutting.
 */
import type { Report } from '../domain/model.js'
import { commentMarker, headMarker, readHeadSha } from '../github/marker.js'
import { assemble } from './budget.js'
import { COMMENT_CAPS, makeContext } from './context.js'
import { buildDocument, headlineMarkdown } from './document.js'
import { text } from './escape.js'
import { safeSha } from './links.js'
import { RenderError } from './markdown.js'

/**
 * The sticky marker for a `comment-header` (the header is user input; src/github/marker.ts keeps
 * it inert inside the HTML comment and is the one definition both sides use).
 */
export { commentMarker }

/**
 * The head SHA recorded in a comment body's metadata marker (the line right after the sticky
 * marker, however long the header made that line), or null.
 */
export function readCommentHeadSha(body: string): string | null {
  const second = body.split('\n', 2)[1] ?? ''
  const sha = headMarker('SHA').split('SHA')
  if (!second.startsWith(sha[0]) || !second.endsWith(sha[1])) return readHeadSha(body)
  return safeSha(second.slice(sha[0].length, second.length - sha[1].length))
}

export interface CommentOptions {
  /** Hidden marker, default `commentMarker(report.settings.commentHeader)`. */
  marker?: string
  /** GitHub's limit is 65,536; the body stays well below it (see `commentBudget`). */
  maxChars?: number
  /** Where the dropped items are, default "the job summary and the report artifact". */
  fullReportHint?: string
}

export const DEFAULT_MAX_CHARS = 65_536

/**
 * Whether GitHub counts the limit in UTF-16 units, code points or bytes is undocumented, so the
 * body keeps ≤ 91.5% of `maxChars` UTF-16 units (≈60,000 for the default) and ≤ `maxChars` bytes.
 */
export function commentBudget(maxChars: number): { units: number; bytes: number } {
  return { units: Math.floor(maxChars * 0.915), bytes: maxChars }
}

/**
 * A marker must be one HTML comment alone on its line (an HTML block, passed through as is) whose
 * text cannot end the comment early (`-->`, `--!>`, or an abrupt `<!-->` / `<!--->`).
 */
function checkMarker(marker: string): void {
  const inner = /^<!--([^\n\r]*)-->$/.exec(marker)
  const bad = (t: string): boolean =>
    /-->|--!>|^-?>/.test(t) || t.endsWith('-') || t.endsWith('--!')
  if (!inner || bad(inner[1])) {
    throw new RenderError(`not a safe comment marker: ${JSON.stringify(marker.slice(0, 80))}`)
  }
}

/** Renders the PR comment for a report. Throws RenderError when `maxChars` is absurdly small. */
export function renderComment(report: Report, opts: CommentOptions = {}): string {
  const marker = opts.marker ?? commentMarker(report.settings.commentHeader)
  checkMarker(marker)
  const maxChars = opts.maxChars ?? DEFAULT_MAX_CHARS
  const hint = opts.fullReportHint ?? 'the job summary and the report artifact'
  const ctx = makeContext(report, 'comment', hint, COMMENT_CAPS)
  const sha = safeSha(report.repo.headSha)
  const top = `${marker}\n${sha ? `${headMarker(sha)}\n` : ''}`
  const budget = commentBudget(maxChars)
  const doc = buildDocument(ctx, top)
  const body = assemble(doc.sections, doc.steps, budget)
  if (body !== null) return body + '\n'
  // Even the headings do not fit: say so in the smallest form that still carries the verdict.
  const minimal = `${top}## ${headlineMarkdown(ctx)}\n\nThe report is too large for a comment; see ${text(hint)}.\n`
  if (minimal.length > budget.units || Buffer.byteLength(minimal) > budget.bytes) {
    throw new RenderError(`maxChars ${maxChars} is too small for a comment`)
  }
  return minimal
}
