import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeGitRepo, runAction, startFakeServer, type FakeServer } from '../harness/index.js'

const dir = (name: string) => path.resolve('__tests__/testdata/e2e/races', name)
// Races only: no benchmarks, default race settings (race-base affected, race-confirm 3).
const inputs = { bench: '', cache: 'false' }

let fake: FakeServer
beforeAll(async () => {
  fake = await startFakeServer()
})
afterAll(async () => {
  await fake.close()
})

interface RaceJson {
  class: string
  race: { accesses: { frames: { relFile: string | null; line: number }[] }[]; tests: string[] }
  head: { runs: number; seen: number }
  base: { runs: number; seen: number }
}

async function check(head: string) {
  // Head directories hold only the files head changes.
  const repo = await makeGitRepo({
    baseFiles: dir('base'),
    headFiles: dir(head),
    headMode: 'overlay'
  })
  const r = await runAction({ workspace: repo.dir, fake, inputs })
  const { readFileSync } = await import('node:fs')
  const report = JSON.parse(readFileSync(r.outputs.report, 'utf8')) as {
    races: { items: RaceJson[] }
  }
  const byClass = (c: string) => report.races.items.filter((i) => i.class === c)
  return { r, report, byClass }
}

describe('races against the base branch, through dist/index.js', () => {
  it('a race introduced by head is new, fails the step and is annotated at the right line', async () => {
    const { r, byClass } = await check('head-new')
    expect(r.exitCode, r.stdout).toBe(1)
    expect(r.outputs.verdict).toBe('fail')
    expect(Number(r.outputs['new-races'])).toBeGreaterThanOrEqual(1)
    expect(r.outputs['existing-races']).toBe('1')
    const fresh = byClass('new')
    expect(fresh.every((i) => i.race.tests.includes('TestInc'))).toBe(true)
    // Confirmed absent on base by the re-runs before being called new.
    expect(fresh[0].base.runs).toBeGreaterThanOrEqual(3)
    expect(fresh[0].base.seen).toBe(0)
    // `c.n++` is line 15 of head-new/racy.go.
    expect(r.stdout).toMatch(/::error [^\n]*file=racy\.go,line=15/)
    expect(r.summary).toContain('TestInc')
  })

  it('a race already on base stays pre-existing after unrelated edits moved it down the file', async () => {
    const { r, byClass } = await check('head-shifted')
    expect(r.exitCode, r.stdout).toBe(0)
    expect(r.outputs.verdict).toBe('pass')
    expect(r.outputs['new-races']).toBe('0')
    expect(byClass('existing').length).toBeGreaterThanOrEqual(1)
    expect(byClass('new')).toEqual([])
  })

  it('a race removed by head is fixed', async () => {
    const { r, byClass } = await check('head-fixed')
    expect(r.exitCode, r.stdout).toBe(0)
    expect(Number(r.outputs['fixed-races'])).toBeGreaterThanOrEqual(1)
    // Re-run on head before being called fixed.
    expect(byClass('fixed')[0].head.runs).toBeGreaterThanOrEqual(3)
    expect(byClass('fixed')[0].head.seen).toBe(0)
  })

  it('a head identical to base calls nothing new', async () => {
    const { r, byClass } = await check('base')
    expect(r.exitCode, r.stdout).toBe(0)
    expect(r.outputs['new-races']).toBe('0')
    expect(byClass('new')).toEqual([])
    expect(byClass('existing').length).toBeGreaterThanOrEqual(1)
  })
})
