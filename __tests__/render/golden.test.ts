/**
 * Golden Markdown: the rendered comment and summary for fixed reports, checked in under
 * __tests__/golden for review. `UPDATE_GOLDEN=1 npx vitest run __tests__/render/golden.test.ts`
 * rewrites them after an intended change (review the diff).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { Report } from '../../src/domain/model.js'
import { selectAnnotations } from '../../src/render/annotations.js'
import { commentMarker, renderComment } from '../../src/render/comment.js'
import { renderSummary } from '../../src/render/summary.js'
import { renderVerdictLine } from '../../src/render/verdict-line.js'
import { checkMarkdown } from './gfm-check.js'
import {
  cleanReport,
  everythingReport,
  hugeReport,
  racesReport,
  regressionsReport
} from './reports.js'

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), '..', 'golden')
const UPDATE = process.env.UPDATE_GOLDEN === '1'

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name)
  if (UPDATE || !existsSync(file)) {
    mkdirSync(GOLDEN, { recursive: true })
    writeFileSync(file, actual)
    if (!UPDATE) throw new Error(`${name} did not exist; written — review it and run again`)
  }
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

const cases: Array<[string, () => Report]> = [
  ['clean', cleanReport],
  ['races', racesReport],
  ['regressions', regressionsReport],
  ['everything', everythingReport],
  ['truncated-5000', () => hugeReport(5000)]
]

describe('golden comments', () => {
  it.each(cases)('%s', (name, make) => {
    const report = make()
    const body = renderComment(report)
    expect(
      checkMarkdown(body, { marker: commentMarker(report.settings.commentHeader), markerLines: 2 })
    ).toEqual([])
    golden(`${name}.comment.md`, body)
  })

  it('everything: summary, annotations and verdict line', () => {
    const report = everythingReport()
    const summary = renderSummary(report)
    expect(checkMarkdown(summary)).toEqual([])
    golden('everything.summary.md', summary)
    const extras = {
      annotations: selectAnnotations(report),
      verdictLine: renderVerdictLine(report)
    }
    golden('everything.annotations.json', JSON.stringify(extras, null, 2) + '\n')
  })
})
