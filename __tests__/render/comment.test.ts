import { describe, expect, it } from 'vitest'
import type { Report } from '../../src/domain/model.js'
import {
  commentBudget,
  commentMarker,
  readCommentHeadSha,
  renderComment
} from '../../src/render/comment.js'
import { RenderError } from '../../src/render/markdown.js'
import { renderSummary } from '../../src/render/summary.js'
import { BASE_SHA, HEAD_SHA } from './builders.js'
import { checkMarkdown } from './gfm-check.js'
import {
  cleanReport,
  everythingReport,
  hugeReport,
  racesReport,
  regressionsReport
} from './reports.js'

const headline = (body: string): string => body.split('\n')[2]

describe('renderComment', () => {
  it('puts the sticky marker first and the head SHA right after it', () => {
    const body = renderComment(racesReport())
    expect(body.startsWith(commentMarker('') + '\n')).toBe(true)
    expect(readCommentHeadSha(body)).toBe(HEAD_SHA)
    expect(readCommentHeadSha('no markers here')).toBeNull()
  })

  it('uses a given marker and refuses one that could end the HTML comment early', () => {
    const body = renderComment(cleanReport(), { marker: '<!-- custom:sticky:x -->' })
    expect(body.startsWith('<!-- custom:sticky:x -->\n')).toBe(true)
    expect(() => renderComment(cleanReport(), { marker: '<!-- a --> b -->' })).toThrow(RenderError)
    expect(() => renderComment(cleanReport(), { marker: '<!-->' })).toThrow(RenderError)
    expect(() => renderComment(cleanReport(), { marker: '<!-- a -->\n<img>' })).toThrow(RenderError)
  })

  it.each([
    [cleanReport, '## ✅ No new races, no regressions'],
    [racesReport, '## ❌ 1 new data race · 1 fixed race · 1 pre-existing race'],
    [regressionsReport, '## ❌ 1 regression · 1 improvement']
  ])('states the verdict and reason in the first visible line (%#)', (make, expected) => {
    expect(headline(renderComment(make()))).toBe(expected)
  })

  it('names the blocking problem of an incomplete run in the headline', () => {
    const r = everythingReport()
    r.verdict = {
      ...r.verdict,
      status: 'incomplete',
      reasons: ['example.com/x/broken: build failed\n# more']
    }
    expect(headline(renderComment(r))).toMatch(
      /^## ⚠️ Incomplete: example.com\/x\/broken: build failed · /
    )
  })

  it('links both accesses of a new race to the head commit and a fixed race to the base commit', () => {
    const body = renderComment(racesReport())
    const blob = 'https://github.com/acme/evolve/blob'
    expect(body).toContain(`[store/store.go:29](${blob}/${HEAD_SHA}/store/store.go#L29)`)
    expect(body).toContain(`[store/store.go:14](${blob}/${BASE_SHA}/store/store.go#L14)`)
    expect(body).toContain('seen in 3 of 3 head runs, 0 of 6 base runs')
    expect(body).toMatch(/<details><summary>1 pre-existing data race/)
  })

  it('prefixes links with the module directory and percent-encodes path segments', () => {
    const r = racesReport()
    r.repo.moduleDir = 'go/my mod'
    expect(renderComment(r)).toContain(`/blob/${HEAD_SHA}/go/my%20mod/store/store.go#L29)`)
  })

  it('drops links rather than emit one from hostile repository data', () => {
    for (const patch of [
      { serverUrl: 'javascript:alert(1)//' },
      { serverUrl: 'https://user:pw@github.com' },
      { owner: 'a)b' },
      { headSha: 'not-a-sha' },
      { moduleDir: '../..' }
    ]) {
      const r = racesReport()
      Object.assign(r.repo, patch)
      const body = renderComment(r)
      const targets = [...body.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1])
      for (const t of targets) {
        expect(t).toMatch(
          /^https:\/\/github\.com\/acme\/evolve\/(?:actions\/runs\/\d+(?:\/artifacts\/\d+)?|blob\/[0-9a-f]{40}\/store\/store\.go#L\d+)$/
        )
      }
      if (patch.headSha) expect(targets.some((t) => t.includes(HEAD_SHA))).toBe(false)
      expect(checkMarkdown(body, { markerLines: 2 })).toEqual([])
    }
    const r = racesReport()
    r.repo.runUrl = 'https://evil.example/acme/evolve/actions/runs/1'
    r.artifact = { name: 'a', url: 'https://evil.example/x' }
    expect(renderComment(r)).not.toContain('evil.example')
  })

  it('shows regressions first with delta, p-value and the threshold that applied', () => {
    const body = renderComment(regressionsReport())
    const rows = body.split('\n').filter((l) => l.startsWith('| 🔴') || l.startsWith('| 🟢'))
    expect(rows[0]).toBe(
      '| 🔴 | <code>codec.BenchmarkEncode</code> | sec/op | 4.24µs ±2% | 9.35µs ±2% | **+120.4%** | <0.001 | time 10%, confirmed |'
    )
    expect(rows.findIndex((l) => l.startsWith('| 🟢'))).toBeGreaterThan(5)
    expect(body).toContain(
      '<details><summary>CPU profile of <code>codec.BenchmarkEncode</code></summary>'
    )
    expect(body).toContain(
      "GOGC=100 go test -run '^$' -bench '^(BenchmarkEncode)$' -benchmem -count 10 -benchtime 100ms example.com/racefix/evolve/codec >> head-gogc100.txt"
    )
    expect(body).toContain('benchstat base-gogc100.txt head-gogc100.txt')
  })

  it('shows an unconfirmed regression as inconclusive, not as a regression', () => {
    const r = regressionsReport()
    for (const c of r.benchmarks.comparisons) if (c.verdict === 'regression') c.confirmed = false
    const body = renderComment(r)
    expect(body).not.toContain('| 🔴')
    expect(body).toContain('| 🟡 | <code>codec.BenchmarkEncode</code> | sec/op')
    expect(body).toContain('time 10%, not confirmed')
  })

  it('lists problems and not-understood output', () => {
    const body = renderComment(everythingReport())
    expect(body).toContain(
      '**⛔ Build failed** on head in <code>example.com/racefix/buildfail/broken</code>'
    )
    expect(body).toContain('broken/b.go:4:9: undefined: undefinedThing')
    expect(body).toContain('**⚠️ 2 lines of race output not understood**')
  })

  it('never puts a hostile name into a reproduce command', () => {
    const commandsOf = (r: Report): string =>
      /```sh\n([\s\S]*?)\n```/.exec(renderComment(r))?.[1] ?? ''
    const r = everythingReport()
    r.races.items[0].race.tests = ["TestX'; rm -rf ~; echo '", 'TestOk/sub']
    const commands = commandsOf(r)
    expect(commands).toContain(
      "go test -race -count=3 -run '^(TestOk)$' example.com/racefix/evolve/store"
    )
    expect(commands).not.toContain('rm -rf')
    r.races.items[0].race.package = '-exec=evil'
    r.benchmarks.comparisons.forEach((c) => (c.variant = 'GOGC=100; curl x'))
    expect(commandsOf(r)).toBe('')
  })
})

describe('edge cases', () => {
  it('says what was not checked and when there was no base', () => {
    const r = cleanReport()
    r.races.enabled = false
    r.benchmarks.enabled = false
    r.repo.baseSha = null
    const body = renderComment(r)
    expect(headline(body)).toBe('## ✅ Nothing was checked')
    expect(body).toContain('head <code>3f2c9a1</code>, no base to compare with')
    expect(body).not.toContain('### Benchmarks')
    expect(body).not.toContain('### Data races')
  })

  it('reports a race-free run plainly', () => {
    expect(renderComment(cleanReport())).toContain(
      'No data races found. Ran `go test -race -count=3` on head and on base.'
    )
  })

  it('falls back to the verdict alone when not even the headings fit', () => {
    const body = renderComment(everythingReport(), { maxChars: 1_000 })
    expect(body.length).toBeLessThanOrEqual(1_000)
    expect(headline(body)).toMatch(/^## ❌ 1 new data race/)
    expect(body).toContain('The report is too large for a comment; see the job summary')
  })
})

describe('size', () => {
  it('keeps a 5,000-row report within the comment limit with "more" notes and balanced markup', () => {
    const report = hugeReport(5000)
    expect(report.benchmarks.comparisons).toHaveLength(5000)
    const body = renderComment(report)
    expect(body.length).toBeLessThanOrEqual(65_536)
    expect(body.length).toBeLessThanOrEqual(commentBudget(65_536).units)
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(65_536)
    expect(body).toMatch(
      /… and [\d,]+ more changed metrics in the job summary and the report artifact\./
    )
    expect(body).toMatch(/… and 180 more new races in/)
    expect(checkMarkdown(body, { marker: commentMarker(''), markerLines: 2 })).toEqual([])
    expect(body.trimEnd().endsWith('</sub>')).toBe(true)
  })

  it('shrinks further for a smaller limit (a 422 retry) and still ends cleanly', () => {
    for (const maxChars of [32_768, 8_000, 2_000]) {
      const body = renderComment(hugeReport(5000), { maxChars })
      expect(body.length).toBeLessThanOrEqual(maxChars)
      expect(checkMarkdown(body, { markerLines: 2 })).toEqual([])
      expect(readCommentHeadSha(body)).toBe(HEAD_SHA)
    }
    expect(() => renderComment(hugeReport(10), { maxChars: 100 })).toThrow(RenderError)
  })

  it('keeps the summary of the 5,000-row report under 1 MiB', () => {
    const summary = renderSummary(hugeReport(5000))
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(1_048_576)
    expect(checkMarkdown(summary)).toEqual([])
  })

  it('puts every row in the summary when it fits, and notes the rest when it does not', () => {
    const report = hugeReport(600)
    const summary = renderSummary(report)
    for (const c of report.benchmarks.comparisons.slice(0, 600)) {
      expect(summary).toContain(c.benchmark.replace('=', '='))
    }
    expect(summary).not.toContain('more changed metrics')
    const small = renderSummary(report, { maxBytes: 100_000 })
    expect(Buffer.byteLength(small)).toBeLessThanOrEqual(100_000)
    expect(small).toMatch(/more changed metrics in the JSON report in the artifact/)
  })
})

describe('renderSummary', () => {
  it('has the headline and full race stacks for every class, without a marker', () => {
    const s = renderSummary(everythingReport() as Report)
    expect(s.startsWith('## ❌ ')).toBe(true)
    expect(s).not.toContain('<!--')
    expect((s.match(/<summary>Stacks<\/summary>/g) ?? []).length).toBe(4)
    expect(s).toContain('<summary>benchstat output under <code>GOGC=100</code></summary>')
    expect(s).toContain('#### All results under <code>GOGC=25</code>')
  })
})
