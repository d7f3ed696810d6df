/**
 * The race block parser on a real report, and on variants the Go 1.26 linux/amd64 runtime
 * cannot produce (see testdata README): each variant edits the real block as documented.
 */
import { describe, expect, it } from 'vitest'
import { fingerprintRace } from '../../src/races/fingerprint.js'
import { parseRaceBlock, toRelFile, type ParsedBlock } from '../../src/races/race-block.js'
import { loadFixture } from './helpers.js'

const fx = loadFixture('basic')
const outputs = fx.stdout
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { Output?: string }).Output ?? '')
const open = outputs.indexOf('==================\n')
const close = outputs.indexOf('==================\n', open + 1)
const body = outputs.slice(open + 1, close).map((o) => o.replace(/\n$/, ''))
const root = fx.meta.moduleDir

const ok = (r: ReturnType<typeof parseRaceBlock>): ParsedBlock => {
  if ('reason' in r) throw new Error(r.reason)
  return r
}

describe('parseRaceBlock', () => {
  it('parses the real first report of the basic fixture', () => {
    const b = ok(parseRaceBlock(body, root))
    expect(b.unknownLines).toEqual([])
    // The goroutine in the test function (7) and the one it started (8); which of the two
    // is reported as "current" depends on scheduling.
    const byG = (g: number) => b.accesses.find((a) => a.goroutine === g)!
    expect([byG(8).kind, byG(8).frames.length]).toEqual(['write', 1])
    expect([byG(7).kind, byG(7).frames.length]).toEqual(['read', 3])
    expect(b.accesses.map((a) => a.previous)).toEqual([false, true])
    expect(b.goroutines.map((g) => [g.goroutine, g.state, g.frames.length]).sort()).toEqual([
      [7, 'running', 6],
      [8, 'running', 3]
    ])
    const tm = b.goroutines.find((g) => g.goroutine === 7)!.frames.at(-1)
    expect(tm).toEqual({
      func: 'main.main',
      file: '_testmain.go',
      relFile: null,
      line: expect.any(Number)
    })
  })

  it('accepts a lost previous stack ("[failed to restore the stack]", TSan v2 runtimes)', async () => {
    const prev = body.findIndex((l) => l.startsWith('Previous '))
    const blank = body.indexOf('', prev)
    const edited = [
      ...body.slice(0, prev + 1),
      '  [failed to restore the stack]',
      ...body.slice(blank)
    ]
    const b = ok(parseRaceBlock(edited, root))
    expect(b.accesses[1].stackRestoreFailed).toBe(true)
    expect(b.accesses[1].frames).toEqual([])
    const fp = await fingerprintRace('p', b.accesses, async () => 'x = 1')
    expect(fp.fingerprint).toMatch(/^[0-9a-f]{16}$/)
  })

  it('accepts unknown frames ("??()" at "-:0", the runtime symbolizer fallback)', () => {
    const prev = body.findIndex((l) => l.startsWith('Previous '))
    const edited = [
      ...body.slice(0, prev + 1),
      '  ??()',
      '      -:0 +0x4d1c2f',
      ...body.slice(prev + 1)
    ]
    const b = ok(parseRaceBlock(edited, root))
    expect(b.accesses[1].frames[0]).toEqual({ func: '??', file: '', relFile: null, line: 0 })
    expect(b.accesses[1].frames[1].relFile).toBe('racey_test.go')
  })

  it('accepts the pre-1.8 access header without an address', () => {
    const edited = body.map((l) => l.replace(/^(Write|Read) at 0x[0-9a-f]+ by/, '$1 by'))
    expect(edited.some((l) => /^(Write|Read) by goroutine \d+:$/.test(l))).toBe(true)
    const b = ok(parseRaceBlock(edited, root))
    expect(b.accesses.map((a) => a.goroutine).sort()).toEqual([7, 8])
  })

  it('keeps unknown lines for the unparsed count and rejects non-race reports', () => {
    const b = ok(parseRaceBlock([...body.slice(0, 3), 'mystery line', ...body.slice(3)], root))
    expect(b.unknownLines).toEqual(['mystery line'])
    expect(parseRaceBlock(['WARNING: DEADLOCK'], root)).toEqual({
      reason: 'not a data race report: WARNING: DEADLOCK'
    })
  })

  it('computes module-relative paths only inside the module root', () => {
    expect(toRelFile('/w/mod/a/b.go', '/w/mod')).toBe('a/b.go')
    expect(toRelFile('/w/mod/a/b.go', '/w/mod/')).toBe('a/b.go')
    expect(toRelFile('/w/module/a.go', '/w/mod')).toBeNull()
    expect(toRelFile('C:\\w\\mod\\a.go', 'C:/w/mod')).toBe('a.go')
    expect(toRelFile('_testmain.go', '/w/mod')).toBeNull()
  })
})
