/** The race stage over a fake ProcessRunner that replays real fixture output. */
import { describe, expect, it } from 'vitest'
import type { Checkouts } from '../../src/domain/checkouts.js'
import type { RunResult, RunSpec, ProcessRunner } from '../../src/ports.js'
import { runRaceStage } from '../../src/races/stage.js'
import { STAGE_GORACE } from '../../src/races/go-test-args.js'
import {
  loadFixture,
  mappedFs,
  quietLogger,
  testConfig,
  TESTDATA,
  type Fixture
} from './helpers.js'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const baseFx = loadFixture('evolve-base')
const headFx = loadFixture('evolve-head')
const golist = readFileSync(join(TESTDATA, 'fixtures/evolve-head.golist.txt'), 'utf8')
const fs = mappedFs([
  [headFx.meta.moduleDir, headFx.localDir],
  [baseFx.meta.moduleDir, baseFx.localDir]
])

function result(fx: Fixture | null, spec: RunSpec, over: Partial<RunResult> = {}): RunResult {
  const out = fx?.stdout ?? ''
  // Replay in uneven chunks, the way a pipe delivers it.
  for (let i = 0; i < out.length; i += 777) spec.onStdout?.(out.slice(i, i + 777))
  if (fx?.stderr) spec.onStderr?.(fx.stderr)
  return {
    exitCode: fx?.meta.exitCode ?? 0,
    signal: null,
    timedOut: false,
    stdout: '',
    stderr: '',
    truncated: false,
    durationMs: 5,
    ...over
  }
}

class ReplayRunner implements ProcessRunner {
  readonly calls: RunSpec[] = []
  constructor(private readonly pick: (spec: RunSpec) => RunResult) {}
  async run(spec: RunSpec): Promise<RunResult> {
    this.calls.push(spec)
    return this.pick(spec)
  }
}

const evolveRunner = (): ReplayRunner =>
  new ReplayRunner((spec) => {
    if (spec.args[0] === 'list') return { ...result(null, spec), stdout: golist }
    if (spec.args.includes('-run=^(TestMiss)$'))
      return result(loadFixture('evolve-base-confirm'), spec)
    if (spec.args.includes('-run=^(TestReset)$'))
      return result(loadFixture('evolve-head-confirm'), spec)
    return result(spec.cwd === headFx.meta.moduleDir ? headFx : baseFx, spec)
  })

const checkouts = (over: Partial<Checkouts> = {}): Checkouts => ({
  headRepo: headFx.meta.moduleDir,
  headDir: headFx.meta.moduleDir,
  headSha: 'h',
  baseRepo: baseFx.meta.moduleDir,
  baseDir: baseFx.meta.moduleDir,
  baseSha: 'b',
  baseUnavailableReason: null,
  changedFiles: ['store/store.go', 'store/store_test.go'],
  moduleDir: '',
  ...over
})
const PKGS = ['example.com/racefix/evolve/calm', 'example.com/racefix/evolve/store']

describe('runRaceStage with replayed output', () => {
  it('classifies new, existing and fixed, confirming on the other side', async () => {
    const runner = evolveRunner()
    const { section, problems } = await runRaceStage(
      {
        config: testConfig({ raceConfirm: 1, buildFlags: ['-tags=ci'], testFlags: ['-short'] }),
        checkouts: checkouts(),
        packages: PKGS
      },
      { runner, logger: quietLogger, fs }
    )
    expect(problems).toEqual([])
    expect(section.enabled).toBe(true)
    expect(section.unparsed).toBe(0)
    const got = section.items.map((i) => [i.class, i.race.tests, i.reason, i.head, i.base])
    expect(got).toEqual([
      [
        'new',
        ['TestMiss'],
        'not seen on base in 2 runs',
        { runs: 1, seen: 1 },
        { runs: 2, seen: 0 }
      ],
      [
        'existing',
        ['TestHit'],
        'seen on base in 1 of 1 run',
        { runs: 1, seen: 1 },
        { runs: 1, seen: 1 }
      ],
      [
        'fixed',
        ['TestReset'],
        'not seen on head in 0 of 2 runs',
        { runs: 2, seen: 0 },
        { runs: 1, seen: 1 }
      ]
    ])
    const existing = section.items[1].race
    expect(existing.accesses[0].frames[0].relFile).toBe('store/store.go')
    expect(existing.accesses[0].frames[0].line).toBe(19) // head line, not base's 11
    expect(section.runs.map((r) => [r.side, r.purpose, r.packages, r.run, r.count])).toEqual([
      ['head', 'initial', PKGS, null, 1],
      ['base', 'initial', ['example.com/racefix/evolve/store'], null, 1],
      ['base', 'confirm', ['example.com/racefix/evolve/store'], '^(TestMiss)$', 1],
      ['head', 'confirm', ['example.com/racefix/evolve/store'], '^(TestReset)$', 1]
    ])
    const headRun = runner.calls.find((c) => c.args[0] === 'test')!
    expect(headRun.command).toBe('go')
    expect(headRun.args).toEqual([
      'test',
      '-race',
      '-json',
      '-tags=ci',
      '-short',
      '-count=1',
      '-timeout=2m',
      ...PKGS
    ])
    expect(headRun.env).toEqual({ GORACE: STAGE_GORACE })
    expect(headRun.timeoutMs).toBeGreaterThan(120_000)
    expect(runner.calls.find((c) => c.args[0] === 'list')!.args).toContain('-test')
  })

  it('runs every package on base with race-base: full, none with off', async () => {
    const full = evolveRunner()
    await runRaceStage(
      {
        config: testConfig({ raceBase: 'full', raceConfirm: 0 }),
        checkouts: checkouts(),
        packages: PKGS
      },
      { runner: full, logger: quietLogger, fs }
    )
    const baseRun = full.calls.find((c) => c.cwd === baseFx.meta.moduleDir)!
    expect(baseRun.args.slice(-2)).toEqual(PKGS)

    const off = evolveRunner()
    const { section } = await runRaceStage(
      { config: testConfig({ raceBase: 'off' }), checkouts: checkouts(), packages: PKGS },
      { runner: off, logger: quietLogger, fs }
    )
    expect(off.calls).toHaveLength(1)
    expect(section.items.map((i) => [i.class, i.reason])).toEqual([
      ['unclassified', 'race-base: off'],
      ['unclassified', 'race-base: off']
    ])
  })

  it('without a base reports head races unclassified with the reason', async () => {
    const runner = evolveRunner()
    const { section } = await runRaceStage(
      {
        config: testConfig(),
        checkouts: checkouts({
          baseDir: null,
          baseRepo: null,
          baseSha: null,
          baseUnavailableReason: 'shallow fetch failed'
        }),
        packages: PKGS
      },
      { runner, logger: quietLogger, fs }
    )
    expect(runner.calls).toHaveLength(1)
    expect(
      section.items.every(
        (i) => i.class === 'unclassified' && i.reason === 'no base: shallow fetch failed'
      )
    ).toBe(true)
  })

  it('a base package that does not build leaves its head races unclassified, naming why', async () => {
    const broken = loadFixture('evolve-base-broken')
    const runner = new ReplayRunner((spec) => {
      if (spec.args[0] === 'list') return { ...result(null, spec), stdout: golist }
      return result(spec.cwd === headFx.meta.moduleDir ? headFx : broken, spec)
    })
    const { section, problems } = await runRaceStage(
      {
        config: testConfig(),
        checkouts: checkouts({ baseDir: broken.meta.moduleDir }),
        packages: PKGS
      },
      { runner, logger: quietLogger, fs: mappedFs([[headFx.meta.moduleDir, headFx.localDir]]) }
    )
    expect(section.items.map((i) => [i.class, i.reason])).toEqual([
      ['unclassified', 'base package did not build'],
      ['unclassified', 'base package did not build']
    ])
    expect(problems).toEqual([
      expect.objectContaining({
        kind: 'build-failed',
        side: 'base',
        package: 'example.com/racefix/evolve/store',
        blocking: false
      })
    ])
    // No confirmation runs against a base that cannot build.
    expect(section.runs.map((r) => [r.side, r.purpose])).toEqual([
      ['head', 'initial'],
      ['base', 'initial']
    ])
  })

  it('race: false runs nothing', async () => {
    const runner = evolveRunner()
    const { section, problems } = await runRaceStage(
      { config: testConfig({ race: false }), checkouts: checkouts(), packages: PKGS },
      { runner, logger: quietLogger, fs }
    )
    expect(runner.calls).toHaveLength(0)
    expect(section).toEqual({
      enabled: false,
      items: [],
      runs: [],
      unparsed: 0,
      unparsedSamples: []
    })
    expect(problems).toEqual([])
  })

  it('a head build failure blocks, naming the package; other packages still report', async () => {
    const fx = loadFixture('buildfail')
    const runner = new ReplayRunner((spec) => result(fx, spec))
    const { section, problems } = await runRaceStage(
      {
        config: testConfig(),
        checkouts: checkouts({ headDir: fx.meta.moduleDir, baseDir: null }),
        packages: ['example.com/racefix/buildfail/broken', 'example.com/racefix/buildfail/good']
      },
      { runner, logger: quietLogger, fs }
    )
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({
      kind: 'build-failed',
      side: 'head',
      package: 'example.com/racefix/buildfail/broken',
      blocking: true
    })
    expect(problems[0].message).toContain('undefined: undefinedThing')
    expect(section.items).toEqual([])
  })

  it('a head timeout blocks; the race seen before it is still reported; panics too', async () => {
    const fx = loadFixture('timeout')
    const runner = new ReplayRunner((spec) => result(fx, spec))
    const { section, problems } = await runRaceStage(
      {
        config: testConfig(),
        checkouts: checkouts({ headDir: fx.meta.moduleDir, baseDir: null }),
        packages: ['example.com/racefix/timeout/hang', 'example.com/racefix/timeout/panicky']
      },
      { runner, logger: quietLogger, fs: mappedFs([[fx.meta.moduleDir, fx.localDir]]) }
    )
    expect(problems.map((p) => [p.kind, p.package?.split('/').pop(), p.blocking])).toEqual([
      ['timeout', 'hang', true],
      ['panic', 'panicky', true],
      ['test-failed', 'panicky', false]
    ])
    expect(section.items).toHaveLength(1)
    expect(section.items[0].race.sourceLines.sort()).toEqual(['x = 1', 'x = 2'])
  })

  it('our own deadline (runner timedOut, output cut mid-race) marks unfinished packages', async () => {
    const cut = headFx.stdout.slice(0, headFx.stdout.indexOf('Previous write') + 200)
    const runner = new ReplayRunner((spec) => {
      spec.onStdout?.(cut)
      return {
        exitCode: null,
        signal: 'SIGKILL',
        timedOut: true,
        stdout: '',
        stderr: '',
        truncated: false,
        durationMs: 1
      }
    })
    const { section, problems } = await runRaceStage(
      { config: testConfig(), checkouts: checkouts({ baseDir: null }), packages: PKGS },
      { runner, logger: quietLogger, fs }
    )
    // Packages whose package-level pass/fail event was cut off did not finish.
    const unfinished = PKGS.filter(
      (p) => !new RegExp(`"Action":"(pass|fail)","Package":"${p}","Elapsed"`).test(cut)
    )
    expect(unfinished).toContain('example.com/racefix/evolve/store')
    const timeouts = problems.filter((p) => p.kind === 'timeout' && p.blocking)
    expect(timeouts.map((p) => p.package)).toEqual(unfinished)
    // The cut report is counted, as a partial race or unparsed.
    expect(section.items.length + section.unparsed).toBeGreaterThan(0)
  })
})
