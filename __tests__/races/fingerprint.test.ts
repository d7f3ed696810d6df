import { describe, expect, it } from 'vitest'
import { collapseRaces } from '../../src/races/collapse.js'
import { normaliseFunc } from '../../src/races/fingerprint.js'
import { GoTestJsonParser } from '../../src/races/go-test-json.js'
import { loadFixture, localReader, parseFixture, type Fixture } from './helpers.js'

async function racesOf(fx: Fixture, root = fx.meta.moduleDir, stdout = fx.stdout) {
  const p = new GoTestJsonParser({ moduleRoot: root })
  p.push(stdout)
  return collapseRaces(p.end().races, localReader(fx.localDir))
}
const byTest = <T extends { tests: string[] }>(rs: T[], t: string): T[] =>
  rs.filter((r) => r.tests.includes(t))

describe('fingerprint', () => {
  it('normalises closure and wrapper suffixes and type arguments', () => {
    expect(normaliseFunc('example.com/m.TestX.func1.2')).toBe('example.com/m.TestX')
    expect(normaliseFunc('example.com/m.TestX.gowrap1')).toBe('example.com/m.TestX')
    expect(normaliseFunc('example.com/m.(*T).Hit-fm')).toBe('example.com/m.(*T).Hit')
    expect(normaliseFunc('example.com/m.F.deferwrap2')).toBe('example.com/m.F')
    expect(normaliseFunc('example.com/m.Generic[go.shape.int]')).toBe('example.com/m.Generic[...]')
    expect(normaliseFunc('example.com/m.init.0.func1')).toBe('example.com/m.init')
  })

  it('is the same on base and head although the race moved down the file and paths differ', async () => {
    const base = await racesOf(loadFixture('evolve-base'))
    const head = await racesOf(loadFixture('evolve-head'))
    const hitB = byTest(base, 'TestHit')[0]
    const hitH = byTest(head, 'TestHit')[0]
    expect(hitB.accesses[0].frames[0].line).not.toBe(hitH.accesses[0].frames[0].line) // moved
    expect(hitB.fingerprint).toBe(hitH.fingerprint)
    expect(hitH.sourceLines).toEqual([
      'func (c *Cache) Hit() { c.hits++ }',
      'func (c *Cache) Hit() { c.hits++ }'
    ])
    // The fixed and the new race are different races.
    const all = new Set([...base, ...head].map((r) => r.fingerprint))
    expect(all.size).toBe(3)
  })

  it('ignores the absolute checkout path (base worktree under RUNNER_TEMP)', async () => {
    const fx = loadFixture('basic')
    const moved = fx.stdout.split(fx.meta.moduleDir).join('/runner/_temp/base-worktree/mod')
    const a = await racesOf(fx)
    const b = await racesOf(fx, '/runner/_temp/base-worktree/mod', moved)
    expect(b.map((r) => r.fingerprint)).toEqual(a.map((r) => r.fingerprint))
  })

  it('ignores goroutine ids, addresses and offsets across repeated occurrences (-count=3 run)', async () => {
    const a = await racesOf(loadFixture('basic'))
    const c = await racesOf(loadFixture('basic-count3'))
    for (const t of ['TestRaceWriteRead', 'TestTwoStatements']) {
      expect(
        byTest(c, t)
          .map((r) => r.fingerprint)
          .sort()
      ).toEqual(
        byTest(a, t)
          .map((r) => r.fingerprint)
          .sort()
      )
    }
  })

  it('differs for two racing statements in one function', async () => {
    const two = byTest(await racesOf(loadFixture('basic')), 'TestTwoStatements')
    expect(two).toHaveLength(2)
    expect(two[0].fingerprint).not.toBe(two[1].fingerprint)
    expect(two.map((r) => r.sourceLines[0]).sort()).toEqual(['s.hits++', 's.misses++'])
  })

  it('gives each pair of racing statements one fingerprint, whatever the access kinds', async () => {
    const fx = loadFixture('basic')
    const rs = await racesOf(fx)
    // The distinct unordered pairs of racing statements (in-module file:line) in the raw reports.
    const site = (a: { frames: { relFile: string | null; line: number }[] }): string => {
      const f = a.frames.find((x) => x.relFile !== null) ?? a.frames[0]
      return f ? `${f.relFile}:${f.line}` : '?'
    }
    const pairs = new Set(
      parseFixture(fx).races.map(
        (r) => `${r.package}|${[site(r.accesses[0]), site(r.accesses[1])].sort().join('|')}`
      )
    )
    expect(new Set(rs.map((r) => r.fingerprint)).size).toBe(pairs.size)
    expect(rs.every((r) => /^[0-9a-f]{16}$/.test(r.fingerprint))).toBe(true)
  })

  it('falls back to the line number when the source cannot be read', async () => {
    const fx = loadFixture('basic')
    const p = new GoTestJsonParser({ moduleRoot: fx.meta.moduleDir })
    p.push(fx.stdout)
    const raw = p.end().races
    const withSrc = await collapseRaces(raw, localReader(fx.localDir))
    const noSrc = await collapseRaces(raw, async () => null)
    expect(noSrc).toHaveLength(withSrc.length)
    expect(noSrc[0].fingerprint).not.toBe(withSrc[0].fingerprint)
    expect(noSrc[0].sourceLines).toEqual(['', ''])
  })
})
