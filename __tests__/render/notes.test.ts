import { describe, expect, it } from 'vitest'
import { renderComment } from '../../src/render/comment.js'
import { renderSummary } from '../../src/render/summary.js'
import { checkMarkdown } from './gfm-check.js'
import { HOSTILE_NAMES, regressionsReport } from './reports.js'

describe('benchmark notes', () => {
  it('are listed, escaped, in the comment (capped) and the summary (all)', () => {
    const report = regressionsReport()
    const notes = [
      'example.com/m/nobench: no benchmarks match "."',
      ...HOSTILE_NAMES.map((n) => `${n}: only measured on base`),
      ...Array.from({ length: 20 }, (_, i) => `note ${i} @someone #12 | <b>x</b>`)
    ]
    report.benchmarks.notes = notes
    const comment = renderComment(report)
    const summary = renderSummary(report)
    expect(comment).toContain('Benchmark notes')
    expect(comment).toContain('no benchmarks match')
    expect(comment).toMatch(/more notes in the job summary/)
    expect(summary).toContain('note 19')
    expect(checkMarkdown(comment, { markerLines: 2 })).toEqual([])
    expect(checkMarkdown(summary)).toEqual([])
    for (const md of [comment, summary]) {
      expect(md).not.toContain('<b>x</b>')
      expect(md).not.toMatch(/(^|\s)@someone/)
    }
  })
})
