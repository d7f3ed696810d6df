/** The plain last line of the log: the verdict and why, safe to print (one line, no controls). */
import type { Report } from '../domain/model.js'
import { headlineParts } from './headline.js'
import { cleanField } from './sanitize.js'

/** e.g. `go-race-gc-guard: FAIL — 1 new data race, 2 regressions`. */
export function renderVerdictLine(report: Report): string {
  const h = headlineParts(report)
  const parts: string[] = []
  if (h.status === 'incomplete') {
    const first =
      (h.reason ?? '')
        .slice(0, 2000)
        .split(/\r\n|\r|\n/)
        .find((l) => l.trim() !== '') ?? ''
    parts.push(cleanField(first.trim(), 200, { multiline: false }))
  }
  if (h.lead) parts.push(h.lead.charAt(0).toLowerCase() + h.lead.slice(1))
  parts.push(...h.phrases)
  const note = h.tolerated ? ' (allowed by the fail-on-* settings)' : ''
  const why = parts.length > 0 ? ` — ${parts.join(', ')}${note}` : ''
  return `go-race-gc-guard: ${h.status.toUpperCase()}${why}`
}
