import { describe, expect, it } from 'vitest'
import type { RawRace } from '../../src/races/parse-types.js'
import { loadFixture, parseFixture } from './helpers.js'

const top = (r: RawRace, i: 0 | 1): string => {
  const f = r.accesses[i].frames[0]
  return `${r.accesses[i].kind}:${f.func}@${f.relFile ?? f.file}:${f.line}`
}
const byTest = (races: RawRace[], test: string): RawRace[] =>
  races.filter((r) => r.tests.includes(test))

describe('go test -json parser on real fixtures', () => {
  it('parses every race of the basic module with tests, frames and goroutines', () => {
    const fx = loadFixture('basic')
    const res = parseFixture(fx)
    expect(res.unparsed).toBe(0)
    expect(res.events).toBe(fx.stdout.trim().split('\n').length)
    // The parallel tests race 2 or 3 times depending on scheduling: count the reports.
    const reports = fx.stdout.split('WARNING: DATA RACE').length - 1
    expect(reports).toBeGreaterThanOrEqual(10)
    expect(res.races).toHaveLength(reports) // all distinct
    const [pkg] = res.packages
    expect(pkg.package).toBe('example.com/racefix/basic')
    expect(pkg.status).toBe('fail')
    expect(pkg.raceBlocks).toBe(reports)
    expect(pkg.failedTests).toContain('TestFails')
    expect(pkg.raceTests).not.toContain('TestFails')

    // Which access is "current" depends on scheduling, so compare the pair as a set.
    const wr = byTest(res.races, 'TestRaceWriteRead')
    expect(wr).toHaveLength(1)
    expect([top(wr[0], 0), top(wr[0], 1)].sort()).toEqual([
      'read:example.com/racefix/basic.TestRaceWriteRead@racey_test.go:18',
      'write:example.com/racefix/basic.TestRaceWriteRead.func1@racey_test.go:15'
    ])
    expect(wr[0].accesses.map((a) => a.previous)).toEqual([false, true])
    const inTest = wr[0].accesses.find((a) => a.kind === 'read')!
    expect(inTest.frames[1].func).toBe('testing.tRunner')
    expect(inTest.frames[1].relFile).toBeNull() // GOROOT is outside the module
    expect(wr[0].goroutines).toHaveLength(2)

    // Two racing statements in one function: two races, lines 16 and 18 of racey.go.
    const two = byTest(res.races, 'TestTwoStatements')
      .map((r) => top(r, 0).replace(/^\w+:/, ''))
      .sort()
    expect(two).toEqual([
      'example.com/racefix/basic.(*Stats).Record@racey.go:16',
      'example.com/racefix/basic.(*Stats).Record@racey.go:18'
    ])
    const states = (t: string) => byTest(res.races, t)[0].goroutines.map((g) => g.state)
    expect(states('TestRaceFinished')).toContain('finished')
    expect(top(byTest(res.races, 'TestRaceGeneric')[0], 0)).toContain(
      'Generic[go.shape.int]@racey.go:23'
    )
    const goWrap = byTest(res.races, 'TestGoWrap')[0].accesses.flatMap((a) => a.frames)
    expect(goWrap.map((f) => f.func)).toContain('example.com/racefix/basic.TestGoWrap.gowrap1')
    // Map race inside a subtest: charged to the subtest; runtime frame first.
    const sub = byTest(res.races, 'TestRaceSub/inner')
    expect(sub).toHaveLength(1)
    expect(sub[0].accesses[0].frames[0].func).toBe('runtime.mapassign_faststr')
    expect(sub[0].accesses[0].frames[1].relFile).toBe('racey_test.go')
    // Parallel tests: both tests logged "race detected", both are kept for re-runs.
    const par = res.races.filter((r) => r.tests.includes('TestParallelA'))
    expect(par.length).toBeGreaterThanOrEqual(2)
    for (const r of par) expect(r.tests.sort()).toEqual(['TestParallelA', 'TestParallelB'])
    expect(res.races.every((r) => !r.outsideTest && !r.partial && r.occurrences === 1)).toBe(true)
  })

  it('gives the same result whatever the chunking of stdout', () => {
    const fx = loadFixture('basic')
    const whole = parseFixture(fx)
    for (const size of [1, 7, 1000, 4096]) {
      const r = parseFixture(fx, size)
      expect(r.races.map((x) => [x.key, x.tests])).toEqual(whole.races.map((x) => [x.key, x.tests]))
      expect(r.unparsed).toBe(0)
    }
  })

  it('collapses nothing across -count=3 because TSan reports a stack pair once per process', () => {
    const res = parseFixture(loadFixture('basic-count3'))
    expect(res.races).toHaveLength(3)
    expect(res.races.map((r) => r.occurrences)).toEqual([1, 1, 1])
    expect(res.packages[0].starts).toBe(1)
  })

  it('reports races outside tests: init, TestMain, after m.Run (Found N)', () => {
    const fx = loadFixture('outside')
    expect(fx.meta.exitCode).toBe(1)
    const res = parseFixture(fx)
    expect(res.unparsed).toBe(0)
    expect(res.races).toHaveLength(3)
    expect(res.races.every((r) => r.outsideTest && r.tests.length === 0)).toBe(true)
    const pk = Object.fromEntries(res.packages.map((p) => [p.package.split('/').pop(), p]))
    expect(pk.afterrun.foundRaces).toBe(1)
    expect(pk.afterrun.raceOutsideTests).toBe(false) // exit-66 path: only the Found trailer
    expect(pk.initrace.raceOutsideTests).toBe(true)
    expect(pk.tmain.raceOutsideTests).toBe(true)
    const init = res.races.find((r) => r.package.endsWith('/initrace'))!
    // Which goroutine is "current" varies between runs; one of them is the main goroutine.
    expect(init.accesses.map((a) => a.goroutine)).toContain(1) // "by main goroutine"
    expect(init.accesses.map((a) => a.frames[0].func).sort()).toEqual([
      'example.com/racefix/outside/initrace.init.0',
      'example.com/racefix/outside/initrace.init.0.func1'
    ])
    expect(init.accesses.map((a) => a.frames[0].relFile)).toEqual([
      'initrace/init.go',
      'initrace/init.go'
    ])
  })

  it('reports a race followed by a test timeout, and a panic elsewhere', () => {
    const res = parseFixture(loadFixture('timeout'))
    const hang = res.packages.find((p) => p.package.endsWith('/hang'))!
    expect(hang.timedOut).toBe(true)
    expect(hang.timeoutMessage).toBe('panic: test timed out after 4s')
    expect(hang.status).toBe('fail')
    expect(res.races).toHaveLength(1)
    expect(res.races[0].tests).toEqual(['TestRaceThenHang'])
    const panicky = res.packages.find((p) => p.package.endsWith('/panicky'))!
    expect(panicky.panics).toEqual([
      {
        test: 'TestPanics',
        message: 'panic: assignment to entry in nil map [recovered, repanicked]'
      }
    ])
    expect(panicky.timedOut).toBe(false)
  })

  it.each(['buildfail', 'buildfail-text'])('reports build failures (%s)', (name) => {
    const fx = loadFixture(name)
    const res = parseFixture(fx)
    expect(res.unparsed).toBe(0)
    const broken = res.packages.find((p) => p.package === 'example.com/racefix/buildfail/broken')!
    expect(broken.buildFailed).toBe(true)
    expect(broken.buildOutput.join('\n')).toContain('undefined: undefinedThing')
    const good = res.packages.find((p) => p.package === 'example.com/racefix/buildfail/good')!
    expect(good.buildFailed).toBe(false)
    expect(good.status).toBe('pass')
  })

  it('history_size=0 silently loses a race that history_size=2 reports; cgo frames parse', () => {
    const hs0 = parseFixture(loadFixture('stack-hs0'))
    const hs2 = parseFixture(loadFixture('stack-hs2'))
    expect(hs0.races.map((r) => r.package)).toEqual(['example.com/racefix/stack/cgo'])
    expect(hs2.races.map((r) => r.package).sort()).toEqual([
      'example.com/racefix/stack',
      'example.com/racefix/stack/cgo'
    ])
    const cgo = hs2.races.find((r) => r.package.endsWith('/cgo'))!
    const cb = cgo.accesses[0].frames
    expect(cb[1].func).toMatch(/^_cgoexp_[0-9a-f]+_goCallback$/)
    expect(cb[1].file).toBe('_cgo_gotypes.go')
    expect(cb[1].relFile).toBeNull()
    expect(cgo.goroutines[0].frames[0].func).toBe('runtime.newextram')
  })

  it('matches a snapshot of the parsed evolve-head races', () => {
    const res = parseFixture(loadFixture('evolve-head'))
    const view = res.races.map((r) => ({
      tests: r.tests,
      accesses: r.accesses.map((a) => ({
        kind: a.kind,
        previous: a.previous,
        frames: a.frames.map(
          (f) => `${f.func} ${f.relFile ?? '<outside>'}:${f.relFile ? f.line : ''}`
        )
      }))
    }))
    expect(view).toMatchSnapshot()
  })
})
