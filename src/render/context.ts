/** What every section renderer needs to know besides the report itself. */
import type { Report } from '../domain/model.js'
import { text } from './escape.js'
import { plural } from './markdown.js'
import { packageLabels } from './names.js'

export type RenderMode = 'comment' | 'summary'

export interface RenderContext {
  report: Report
  mode: RenderMode
  /** Where dropped items can be found, as plain text ("the job summary and the report artifact"). */
  moreHint: string
  /** Short display labels of the benchmarked packages. */
  benchPackages: Map<string, string>
  /** Largest number of items a section shows in this mode, before the size budget applies. */
  caps: Caps
}

export interface Caps {
  newRaces: number
  fixedRaces: number
  existingRaces: number
  unclassifiedRaces: number
  problems: number
  changedRows: number
  profiles: number
  allRows: number
  /** Frames shown per stack. */
  frames: number
}

/** The comment shows enough to act on; everything else is one click away in the job summary. */
export const COMMENT_CAPS: Caps = {
  newRaces: 20,
  fixedRaces: 20,
  existingRaces: 50,
  unclassifiedRaces: 20,
  problems: 15,
  changedRows: 150,
  profiles: 6,
  allRows: 300,
  frames: 16
}

/** The summary is bounded by its 1 MiB budget only. */
export const SUMMARY_CAPS: Caps = {
  newRaces: Infinity,
  fixedRaces: Infinity,
  existingRaces: Infinity,
  unclassifiedRaces: Infinity,
  problems: Infinity,
  changedRows: Infinity,
  profiles: Infinity,
  allRows: Infinity,
  frames: 64
}

export function makeContext(
  report: Report,
  mode: RenderMode,
  moreHint: string,
  caps: Caps
): RenderContext {
  const packages = report.benchmarks.comparisons.map((c) => c.package)
  return { report, mode, moreHint, caps, benchPackages: packageLabels(packages) }
}

/** "… and 12 more new races in the job summary and the report artifact." or '' when none. */
export function moreNote(ctx: RenderContext, dropped: number, one: string, many?: string): string {
  if (dropped <= 0) return ''
  return `… and ${plural(dropped, one, many).replace(/^(\S+) /, '$1 more ')} in ${text(ctx.moreHint)}.`
}

/** Items shown at most for a list of `n` under a cap: the section's droppable total. */
export function capped(n: number, cap: number): number {
  return Math.min(n, cap)
}

/** A whole number from the report as text, or `?` (the report may come from a hostile artifact). */
export function int(n: unknown): string {
  return typeof n === 'number' && Number.isSafeInteger(n) ? String(n) : '?'
}
