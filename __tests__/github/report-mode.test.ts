/**
 * Report mode against the fakes: the real DefaultArtifactClient lists and downloads the
 * triggering run's artifacts through GitHub REST (`findBy`), the real Octokit confirms the PR.
 * GITHUB_API_URL must be set before @actions/github is first imported, hence the dynamic imports.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FAKE_GITHUB_TOKEN, startFakeServer, type FakeServer } from '../harness/index.js'
import type { RunArtifactSource } from '../../src/github/artifact-source.js'
import type { LoadRunReportOptions } from '../../src/github/load-run-report.js'
import { comparison, HEAD, race, reportZip, sampleReport, zipOf } from './reports.js'

let fake: FakeServer
let source: RunArtifactSource
let mod: typeof import('../../src/github/load-run-report.js')
let pullHead: LoadRunReportOptions['pullHead']
let runId = 500
const warnings: string[] = []
const logger = { info: () => {}, warning: (m: string) => warnings.push(m) }

beforeAll(async () => {
  fake = await startFakeServer()
  process.env.GITHUB_API_URL = fake.apiUrl
  process.env.GITHUB_SERVER_URL = 'http://github.localhost'
  const { DefaultArtifactClient } = await import('@actions/artifact')
  const { actionsArtifactSource } = await import('../../src/github/artifact-source.js')
  const { fetchPullHead } = await import('../../src/github/octokit-store.js')
  const { testClient } = await import('./client.js')
  mod = await import('../../src/github/load-run-report.js')
  source = actionsArtifactSource(new DefaultArtifactClient(), {
    token: FAKE_GITHUB_TOKEN,
    owner: 'owner',
    repo: 'repo'
  })
  const { gh } = testClient(fake)
  pullHead = (n) => fetchPullHead(gh, { owner: 'owner', repo: 'repo', pullNumber: n })
  fake.github.setPull({ number: 12, headSha: HEAD, baseSha: '2'.repeat(40) })
})
afterAll(async () => fake.close())

/** A fresh run id with these artifacts; returns the options for loadRunReport. */
function run(artifacts: Record<string, Buffer>, extra: Partial<LoadRunReportOptions> = {}) {
  runId++
  for (const [name, data] of Object.entries(artifacts)) fake.artifacts.seed({ runId, name, data })
  const tempParent = fs.mkdtempSync(path.join(os.tmpdir(), 'grgg-rm-'))
  const opts: LoadRunReportOptions = {
    source,
    run: { id: runId, headSha: HEAD, headRepoId: 100 },
    artifactPrefix: 'go-race-gc-guard',
    tempParent,
    pullHead,
    logger,
    ...extra
  }
  return { opts, tempParent }
}

const shard = (index: number, o: Parameters<typeof sampleReport>[0] = {}) =>
  sampleReport({ shard: { index, total: 2 }, packages: [`./p${index}/...`], ...o })

describe('report mode', () => {
  it('merges two shard artifacts into one report and ignores other artifacts', async () => {
    const { opts, tempParent } = run({
      'go-race-gc-guard-check-shard-1of2-attempt-1': reportZip(
        shard(1, { races: [race('f1', 'new'), race('f2', 'fixed')] })
      ),
      'go-race-gc-guard-check-shard-2of2-attempt-1': reportZip(
        shard(2, { comparisons: [comparison('BenchmarkX', 'regression')] })
      ),
      'something-else': zipOf({ 'report.json': '{"not":"ours"}' })
    })
    const res = await mod.loadRunReport(opts)
    expect(res.prNumber).toBe(12)
    expect(res.artifacts).toHaveLength(2)
    expect(res.report.shard).toBeNull()
    expect(res.report.verdict.counts).toMatchObject({ newRaces: 1, fixedRaces: 1, regressions: 1 })
    expect(res.report.verdict.status).toBe('fail')
    expect(res.report.settings.packages).toEqual(['./p1/...', './p2/...'])
    expect(fs.readdirSync(tempParent)).toEqual([]) // the temp folder is gone
    expect(fake.requestsTo('GET', `/actions/runs/${runId}/artifacts`)).toHaveLength(1)
  })

  it('uses the newest artifact of a shard after a re-run', async () => {
    const { opts } = run({
      'go-race-gc-guard-check-shard-1of2-attempt-1': reportZip(
        shard(1, { races: [race('old', 'new')] })
      ),
      'go-race-gc-guard-check-shard-1of2-attempt-2': reportZip(shard(1)),
      'go-race-gc-guard-check-shard-2of2-attempt-1': reportZip(shard(2))
    })
    const [a1, a2] = fake.artifacts.list(runId)
    a1.createdAt = '2026-01-01T00:00:00Z'
    a2.createdAt = '2026-01-01T01:00:00Z'
    const res = await mod.loadRunReport(opts)
    expect(res.artifacts).toContain('go-race-gc-guard-check-shard-1of2-attempt-2')
    expect(res.report.verdict.counts.newRaces).toBe(0)
  })

  it('refuses path traversal, absolute paths and symlinks', async () => {
    const body = JSON.stringify(sampleReport({}))
    const cases: [Buffer, RegExp][] = [
      [
        zipOf({ 'xx/xx/report.json': body }, { raw: { 'xx/xx/report.json': '../../report.json' } }),
        /climbs out/
      ],
      [
        zipOf({ 'xreport.json': body }, { raw: { 'xreport.json': '/report.json' } }),
        /absolute path/
      ],
      [zipOf({ 'report.json': '/etc/passwd' }, { symlinks: ['report.json'] }), /symbolic link/]
    ]
    for (const [zip, why] of cases) {
      const { opts, tempParent } = run({ 'go-race-gc-guard-x': zip })
      const err = (await mod.loadRunReport(opts).catch((e: unknown) => e)) as Error
      expect(err).toBeInstanceOf(Error)
      expect(err.name).toBe('HostileArtifactError')
      expect(err.message).toMatch(why)
      expect(fs.readdirSync(tempParent)).toEqual([])
    }
  })

  it('refuses oversized artifacts before download and oversized entries while reading', async () => {
    const big = run(
      { 'go-race-gc-guard-big': reportZip(sampleReport({})) },
      { maxArtifactBytes: 100 }
    )
    await expect(mod.loadRunReport(big.opts)).rejects.toThrow(/bytes \(limit 100\)/)
    expect(
      fake
        .requestsTo('GET', '/actions/artifacts/')
        .filter((r) => r.path.includes(String(fake.artifacts.list(runId)[0].id)))
    ).toHaveLength(0)
    const entry = run(
      { 'go-race-gc-guard-entry': reportZip(sampleReport({})) },
      { limits: { maxEntryBytes: 200 } }
    )
    await expect(mod.loadRunReport(entry.opts)).rejects.toThrow(/larger than 200 bytes/)
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.txt`, 'x']))
    const count = run({ 'go-race-gc-guard-many': zipOf(many) }, { limits: { maxEntries: 10 } })
    await expect(mod.loadRunReport(count.opts)).rejects.toThrow(/more than 10 entries/)
  })

  it('refuses a report naming a PR whose head is not the run commit', async () => {
    fake.github.setPull({ number: 13, headSha: '3'.repeat(40), baseSha: '2'.repeat(40) })
    const wrong = run({ 'go-race-gc-guard-a': reportZip(sampleReport({ prNumber: 13 })) })
    await expect(mod.loadRunReport(wrong.opts)).rejects.toThrow(
      /PR #13, whose head is 333333333333/
    )
    const ghost = run({ 'go-race-gc-guard-a': reportZip(sampleReport({ prNumber: 999 })) })
    await expect(mod.loadRunReport(ghost.opts)).rejects.toThrow(/PR #999, which does not exist/)
    const other = run({
      'go-race-gc-guard-a': reportZip(sampleReport({ headSha: '4'.repeat(40) }))
    })
    await expect(mod.loadRunReport(other.opts)).rejects.toThrow(/triggering run built/)
    const fork = run({ 'go-race-gc-guard-a': reportZip(sampleReport({})) }, {})
    fork.opts.run = { ...fork.opts.run, headRepoId: 777 }
    await expect(mod.loadRunReport(fork.opts)).rejects.toThrow(/another repository/)
  })

  it('refuses an unknown schema or a malformed report', async () => {
    const alien = run({
      'go-race-gc-guard-a': zipOf({
        'report.json': JSON.stringify({ ...sampleReport({}), schema: 'evil@9' })
      })
    })
    await expect(mod.loadRunReport(alien.opts)).rejects.toThrow(/unknown report schema "evil@9"/)
    const bad = sampleReport({}) as unknown as { races: { items: unknown[] } }
    bad.races.items = [{ class: 'new', race: { fingerprint: 1 } }]
    const broken = run({ 'go-race-gc-guard-a': zipOf({ 'report.json': JSON.stringify(bad) }) })
    await expect(mod.loadRunReport(broken.opts)).rejects.toThrow(/report\.races\.items\[0\]/)
    const notJson = run({ 'go-race-gc-guard-a': zipOf({ 'report.json': '{nope' }) })
    await expect(mod.loadRunReport(notJson.opts)).rejects.toThrow(/not JSON/)
  })

  it('says so when the run has no report artifacts', async () => {
    const none = run({ unrelated: zipOf({ 'a.txt': 'x' }) })
    await expect(mod.loadRunReport(none.opts)).rejects.toThrow(mod.NoReportError)
  })
})
