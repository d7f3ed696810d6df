/** The race stage running real `go test -race` on copies of the evolve module (base and head). */
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Checkouts } from '../../src/domain/checkouts.js'
import { runRaceStage } from '../../src/races/stage.js'
import { mappedFs, MODULES, quietLogger, spawnRunner, testConfig } from './helpers.js'

const root = mkdtempSync(join(tmpdir(), 'races-stage-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** Copies module versions into separate directories, as a base worktree and a head checkout. */
function checkout(name: string, from: string): string {
  const dir = join(root, name)
  cpSync(join(MODULES, from), dir, { recursive: true })
  return dir
}

const PKGS = ['example.com/racefix/evolve/calm', 'example.com/racefix/evolve/store']

function checkouts(headDir: string, baseDir: string): Checkouts {
  return {
    headRepo: headDir,
    headDir,
    headSha: 'h',
    baseRepo: baseDir,
    baseDir,
    baseSha: 'b',
    baseUnavailableReason: null,
    changedFiles: ['store/store.go', 'store/store_test.go'],
    moduleDir: ''
  }
}

// A cold GOCACHE builds the race runtime for std first: allow minutes, normally ~3 s.
describe('runRaceStage with real go test -race', { timeout: 300_000 }, () => {
  it('new, existing (moved down the file) and fixed races', async () => {
    const head = checkout('pr-head', 'evolve/head')
    const base = checkout('base-worktree', 'evolve/base')
    const { section, problems } = await runRaceStage(
      { config: testConfig({ raceConfirm: 1 }), checkouts: checkouts(head, base), packages: PKGS },
      { runner: spawnRunner, logger: quietLogger, fs: mappedFs() }
    )
    expect(problems).toEqual([])
    const view = section.items.map((i) => ({
      class: i.class,
      tests: i.race.tests,
      at: i.race.accesses.map((a) => `${a.frames[0].relFile}:${a.frames[0].line}`)
    }))
    expect(view).toEqual([
      { class: 'new', tests: ['TestMiss'], at: ['store/store.go:29', 'store/store.go:29'] },
      { class: 'existing', tests: ['TestHit'], at: ['store/store.go:19', 'store/store.go:19'] },
      { class: 'fixed', tests: ['TestReset'], at: ['store/store.go:14', 'store/store.go:14'] }
    ])
    expect(section.runs.map((r) => [r.side, r.purpose, r.run, r.exitCode])).toEqual([
      ['head', 'initial', null, 1],
      ['base', 'initial', null, 1],
      ['base', 'confirm', '^(TestMiss)$', 0],
      ['head', 'confirm', '^(TestReset)$', 0]
    ])
  })

  it('a head identical to base calls nothing new', async () => {
    const head = checkout('same-head', 'evolve/head')
    const base = checkout('same-base', 'evolve/head')
    const { section } = await runRaceStage(
      {
        config: testConfig({ raceConfirm: 1 }),
        checkouts: { ...checkouts(head, base), changedFiles: [] },
        packages: PKGS
      },
      { runner: spawnRunner, logger: quietLogger, fs: mappedFs() }
    )
    expect(section.items.map((i) => i.class)).toEqual(['existing', 'existing'])
    expect(section.runs.map((r) => [r.side, r.purpose])).toEqual([
      ['head', 'initial'],
      ['base', 'initial']
    ])
  })
})
