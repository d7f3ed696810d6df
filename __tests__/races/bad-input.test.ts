/** Hostile and broken input, built programmatically from real fixture events. */
import { describe, expect, it } from 'vitest'
import { collapseRaces } from '../../src/races/collapse.js'
import { GoTestJsonParser } from '../../src/races/go-test-json.js'
import { feed, loadFixture } from './helpers.js'

const fx = loadFixture('basic')
const lines = fx.stdout.split('\n').filter(Boolean)
const outputOf = (l: string): string | undefined => (JSON.parse(l) as { Output?: string }).Output
// The event lines of the first race report (TestRaceWriteRead), separators included.
const first = lines.findIndex((l) => outputOf(l) === '==================\n')
const close = lines.findIndex((l, i) => i > first + 1 && outputOf(l) === '==================\n')
const block = lines.slice(first, close + 1)
const before = lines.slice(0, first)
const after = lines.slice(close + 1)
/** Reports in the fixture, all distinct (the parallel tests race 2 or 3 times). */
const REPORTS = fx.stdout.split('WARNING: DATA RACE').length - 1

function parse(text: string, opts: { chunk?: number; maxLine?: number } = {}) {
  const p = new GoTestJsonParser({ moduleRoot: fx.meta.moduleDir, maxLine: opts.maxLine })
  feed(p, text, opts.chunk)
  return p.end()
}
const join = (ls: string[]): string => ls.join('\n') + '\n'

describe('bad input', () => {
  it('a stream cut after the previous access still yields the race, marked partial', () => {
    const prev = block.findIndex((l) => outputOf(l)?.startsWith('Previous '))
    const res = parse(join([...before, ...block.slice(0, prev + 3)]))
    expect(res.races).toHaveLength(1)
    expect(res.races[0].partial).toBe(true)
    expect(res.races[0].tests).toEqual(['TestRaceWriteRead'])
  })

  it('a stream cut inside the first access is counted as unparsed, not dropped', () => {
    const res = parse(join([...before, ...block.slice(0, 4)]))
    expect(res.races).toHaveLength(0)
    expect(res.unparsed).toBe(1)
    expect(res.unparsedSamples[0]).toMatch(/^truncated race report without previous access/)
  })

  it('a stream cut in the middle of a JSON event is counted', () => {
    const text = join([...before, ...block]) + lines[close + 1].slice(0, 40)
    const res = parse(text)
    expect(res.races).toHaveLength(1)
    expect(res.unparsed).toBe(1)
  })

  it('a missing closing separator: the race is kept (partial) and the next test is unaffected', () => {
    const res = parse(join([...before, ...block.slice(0, -1), ...after]))
    expect(res.races).toHaveLength(REPORTS)
    const wr = res.races.find((r) => r.tests.includes('TestRaceWriteRead'))!
    expect(wr.partial).toBe(true)
    expect(wr.tests).toEqual(['TestRaceWriteRead'])
    expect(res.races.filter((r) => r.partial)).toHaveLength(1)
    expect(res.unparsed).toBe(0)
  })

  it('10,000 identical races (fresh goroutine ids and addresses) collapse to one with a count', () => {
    const vary = (l: string, i: number): string =>
      l
        .replace(/goroutine \d+/g, `goroutine ${i + 100}`)
        .replace(/0x[0-9a-f]{6,}/g, `0x${(i + 0xc000).toString(16)}`)
    const many: string[] = []
    for (let i = 0; i < 10_000; i++) for (const l of block) many.push(vary(l, i))
    const res = parse(join([...before, ...many, ...after]), { chunk: 65536 })
    const wr = res.races.filter((r) => r.tests.includes('TestRaceWriteRead'))
    expect(wr).toHaveLength(1)
    expect(wr[0].occurrences).toBe(10_000)
    expect(res.races).toHaveLength(REPORTS)
    expect(res.unparsed).toBe(0)
  })

  it('1,000 distinct races are all kept, through fingerprinting too', async () => {
    const many: string[] = []
    for (let i = 0; i < 1000; i++) {
      for (const l of block) many.push(l.replace('racey_test.go:15 ', `racey_test.go:${1000 + i} `))
    }
    const res = parse(join([...before, ...many]))
    expect(res.races).toHaveLength(1000)
    const races = await collapseRaces(res.races, async (_f, line) => `stmt${line}`)
    expect(races).toHaveLength(1000)
    expect(new Set(races.map((r) => r.fingerprint)).size).toBe(1000)
  })

  it('a 10 MB JSON line is parsed; a 10 MB non-JSON line and an over-limit line are counted', () => {
    const big = JSON.stringify({
      Action: 'output',
      Package: 'example.com/racefix/basic',
      Output: `${'x'.repeat(10 << 20)}\n`
    })
    const res = parse(join([...before, big, ...block, 'y'.repeat(10 << 20)]), { chunk: 1 << 20 })
    expect(res.races).toHaveLength(1)
    expect(res.unparsed).toBe(1)
    expect(res.unparsedSamples[0].length).toBeLessThanOrEqual(300)
    const capped = parse(join([...before, big, ...block]), { maxLine: 1 << 20, chunk: 1 << 16 })
    expect(capped.races).toHaveLength(1)
    expect(capped.unparsed).toBe(1)
    expect(capped.unparsedSamples[0]).toMatch(/^line longer than/)
  })

  it('invalid UTF-8 (decoded to U+FFFD as the runner does) does not disturb parsing', () => {
    const bytes = Buffer.concat([
      Buffer.from(join(before)),
      Buffer.from([0xff, 0xfe, 0x0a]), // a stray non-UTF-8 line
      Buffer.from('{"Action":"output","Package":"example.com/racefix/basic","Output":"bad \xc3'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('\\n"}\n'),
      Buffer.from(join(block))
    ])
    const res = parse(new TextDecoder().decode(bytes))
    expect(res.races).toHaveLength(1)
    expect(res.unparsed).toBe(1) // the stray line
    expect(res.unparsedSamples[0]).toContain('\uFFFD')
  })

  it('CRLF line endings give the same races', () => {
    const lf = parse(fx.stdout)
    const crlf = parse(fx.stdout.replace(/\n/g, '\r\n'), { chunk: 333 })
    expect(crlf.races.map((r) => r.key)).toEqual(lf.races.map((r) => r.key))
    expect(crlf.unparsed).toBe(0)
    // CRLF inside Output (a Windows test binary) as well.
    const inner = parse(fx.stdout.replace(/\\n"/g, '\\r\\n"'))
    expect(inner.races.map((r) => r.key)).toEqual(lf.races.map((r) => r.key))
  })

  it('text mixed into the JSON is counted; a plain-text race report is still parsed', () => {
    const plainRace = block.map((l) => outputOf(l)!.replace(/\n$/, ''))
    const mixed = [
      ...before.slice(0, 3),
      'some wrapper printed this',
      ...before.slice(3),
      ...block,
      'more junk',
      ...plainRace,
      ...after
    ]
    const res = parse(join(mixed))
    expect(res.unparsed).toBe(2)
    expect(res.unparsedSamples).toEqual([
      'non-JSON output: some wrapper printed this',
      'non-JSON output: more junk'
    ])
    expect(res.races).toHaveLength(REPORTS + 1) // + the plain-text copy (charged to no package)
    expect(res.races.filter((r) => r.package === '(stray output)')).toHaveLength(1)
  })

  it('unknown actions are counted and their output still scanned', () => {
    const odd = block.map((l) => l.replace('"Action":"output"', '"Action":"output-v2"'))
    const res = parse(join([...before, ...odd, '{"Action":"frobnicate"}', '["not","an","event"]']))
    expect(res.unknownActions).toEqual({ 'output-v2': block.length, frobnicate: 1 })
    expect(res.races).toHaveLength(1)
    expect(res.unparsed).toBe(1) // the JSON array
  })

  it('"race detected" without any report (GORACE log_path) is counted, not ignored', () => {
    // Drop every report block (separators included), as if GORACE=log_path sent them elsewhere.
    let inBlock = false
    const noBlocks = lines.filter((l) => {
      if (outputOf(l) === '==================\n') {
        inBlock = !inBlock
        return false
      }
      return !inBlock
    })
    const res = parse(join(noBlocks))
    expect(res.races).toHaveLength(0)
    expect(res.unparsed).toBe(1)
    expect(res.unparsedSamples[0]).toMatch(
      /race detected \(TestRaceWriteRead, .*\) but no race report was printed/
    )
  })

  it('a race header without separators and orphan race lines are not lost', () => {
    const text = block
      .map((l) => outputOf(l)!)
      .filter((o) => o !== '==================\n')
      .join('')
    const p = new GoTestJsonParser({ moduleRoot: null })
    p.pushStderr(text + 'PASS\n' + 'Previous write at 0x00c000012345 by goroutine 9:\n')
    const res = p.end()
    expect(res.races).toHaveLength(1)
    expect(res.races[0].partial).toBe(true)
    expect(res.unparsed).toBe(1)
  })
})
