/**
 * Property tests: any string in any slot of a report renders into Markdown whose structure a GFM
 * parser sees exactly as intended (tables keep their columns, fences and <details> balance, the
 * marker stays first, nobody is mentioned, no HTML from names, size within the limit).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Report } from '../../src/domain/model.js'
import {
  commentBudget,
  commentMarker,
  readCommentHeadSha,
  renderComment
} from '../../src/render/comment.js'
import { renderSummary } from '../../src/render/summary.js'
import { HEAD_SHA } from './builders.js'
import { checkMarkdown } from './gfm-check.js'
import { everythingReport } from './reports.js'

const NASTY = [
  '|',
  '\\|',
  '\\',
  '`',
  '```',
  '````',
  '~~~',
  '<details>',
  '</details>',
  '<summary>',
  '</summary>',
  '<!--',
  '-->',
  '<!-- go-race-gc-guard:sticky: -->',
  '@user',
  '@octocat',
  '@org/team',
  '#12',
  'GH-7',
  'acme/repo#5',
  '\n',
  '\r',
  '\r\n',
  '\n\n',
  '\u202E',
  '\u2066',
  '\u200B',
  '\u200E',
  '\u0000',
  '\u001b[31m',
  '\uD800',
  '🚀',
  '👨‍👩‍👧',
  'https://github.com/o/r/issues/1',
  'www.x.io',
  '[x](javascript:alert(1))',
  '![i](http://x/y.png)',
  '*',
  '_',
  '~',
  '$x$',
  '&amp;',
  '&#64;',
  '<img src=x onerror=alert(1)>',
  '<script>',
  '- ',
  '# ',
  '> ',
  '1. ',
  '    ',
  '\t',
  '| --- |',
  '::error::x',
  '%0A',
  'x'.repeat(300)
]

/** Strings built from nasty fragments and random Unicode. */
const nasty = fc
  .array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 12 })), {
    maxLength: 8
  })
  .map((parts) => parts.join(''))

/** Puts a random string into every slot of the "everything" report that comes from the PR. */
function poison(r: Report, s: string[]): Report {
  let i = 0
  const next = (): string => s[i++ % s.length]
  for (const item of r.races.items) {
    item.race.package = next()
    item.race.tests = [next(), next()]
    item.reason = next()
    for (const a of item.race.accesses) {
      for (const f of a.frames) {
        f.func = next()
        f.relFile = next()
        f.file = next()
      }
    }
    for (const g of item.race.goroutines) for (const f of g.frames) f.func = next()
  }
  for (const c of r.benchmarks.comparisons) {
    c.benchmark = next()
    c.package = next()
    if (i % 3 === 0) c.unit = next()
    if (i % 5 === 0) c.variant = next()
  }
  for (const p of r.benchmarks.profiles) {
    p.benchmark = next()
    p.top = [next(), next()]
  }
  for (const p of r.problems) {
    p.message = next()
    p.package = next()
  }
  r.races.unparsedSamples = [next()]
  r.benchmarks.unparsedSamples = [next()]
  r.benchmarks.benchstatText = { [next()]: next() }
  r.benchmarks.correction = next()
  r.settings.benchtime = next()
  r.settings.commentHeader = next()
  r.goVersion = next()
  r.toolVersion = next()
  r.repo.moduleDir = next()
  r.verdict.reasons = [next()]
  if (r.artifact) r.artifact.name = next()
  return r
}

const slots = fc.array(nasty, { minLength: 1, maxLength: 40 })
/** `FC_RUNS=2000` for a deeper search; the default keeps the suite fast. */
const RUNS = Number(process.env.FC_RUNS ?? 60)

describe('rendering any names', () => {
  it('keeps the comment structurally intact', () => {
    fc.assert(
      fc.property(slots, fc.integer({ min: 4_000, max: 65_536 }), (names, maxChars) => {
        const report = poison(everythingReport(), names)
        const marker = commentMarker(report.settings.commentHeader)
        const body = renderComment(report, { maxChars })
        const problems = checkMarkdown(body, { marker, markerLines: 2 })
        expect(problems).toEqual([])
        expect(readCommentHeadSha(body)).toBe(HEAD_SHA)
        const budget = commentBudget(maxChars)
        expect(body.length).toBeLessThanOrEqual(budget.units)
        expect(Buffer.byteLength(body)).toBeLessThanOrEqual(budget.bytes)
      }),
      { numRuns: RUNS }
    )
  })

  it('keeps the summary structurally intact', () => {
    fc.assert(
      fc.property(slots, (names) => {
        const report = poison(everythingReport(), names)
        expect(checkMarkdown(renderSummary(report))).toEqual([])
      }),
      { numRuns: Math.ceil((RUNS * 2) / 3) }
    )
  })

  it('keeps an incomplete verdict headline on one line', () => {
    fc.assert(
      fc.property(nasty, (reason) => {
        const report = everythingReport()
        report.verdict = { ...report.verdict, status: 'incomplete', reasons: [reason] }
        const body = renderComment(report)
        const headline = body.split('\n')[2]
        expect(headline).toMatch(/^## ⚠️ Incomplete: /)
        expect(checkMarkdown(body, { markerLines: 2 })).toEqual([])
      }),
      { numRuns: Math.ceil((RUNS * 2) / 3) }
    )
  })
})

describe('the checker itself', () => {
  it.each([
    ['| a | b |\n|---|---|\n| x | y | z |\n', 'table row'],
    ['| a | b |\n|---|---|\n| x\ny | z |\n', 'table row with 1 cells'],
    ['```text\nopen\n', 'unclosed code fence'],
    ['<details><summary>x</summary>\n\ntext\n', 'unbalanced <details>'],
    ['hi @octocat', 'mention'],
    ['see #12', 'issue reference'],
    ['<img src=x>', 'foreign'],
    ['a <!-- hidden --> b', 'HTML comment'],
    ['bidi \u202E here', 'control/format']
  ])('flags %j', (md, what) => {
    expect(checkMarkdown(md).join('\n')).toContain(what)
  })

  it('passes escaped text', () => {
    expect(checkMarkdown('hi @&#8203;octocat &#35;&#8203;12 <code>x</code>')).toEqual([])
  })
})
