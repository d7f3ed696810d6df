/**
 * Smoke test of the harness: every fake route answers the real clients (Octokit from
 * @actions/github, DefaultArtifactClient from @actions/artifact in a child process, tar), and
 * runAction wires the runner environment and parses the file commands.
 */
import { execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import AdmZip from 'adm-zip'
import { getOctokit } from '@actions/github'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  artifactProbe,
  FAKE_GITHUB_TOKEN,
  makeGitRepo,
  runAction,
  startFakeServer,
  type FakeServer
} from './index.js'

let fake: FakeServer
beforeAll(async () => {
  fake = await startFakeServer()
})
afterAll(async () => fake.close())

const octo = (token = FAKE_GITHUB_TOKEN) =>
  getOctokit(token, { baseUrl: fake.apiUrl, request: { retries: 0 } })
const repo = { owner: 'owner', repo: 'repo' }

describe('GitHub REST', () => {
  it('paginates 150 comments with absolute Link URLs', async () => {
    for (let i = 0; i < 150; i++) fake.github.addComment(7, `c${i}`)
    const all = await octo().paginate(octo().rest.issues.listComments, {
      ...repo,
      issue_number: 7,
      per_page: 100
    })
    expect(all.map((c) => c.body)).toEqual(Array.from({ length: 150 }, (_, i) => `c${i}`))
    const pages = fake.requestsTo('GET', '/issues/7/comments')
    expect(pages.map((r) => r.query.get('page') ?? '1')).toEqual(['1', '2'])
  })

  it('creates, updates, deletes and rejects bodies over 65536 characters', async () => {
    const gh = octo()
    const { data: c } = await gh.rest.issues.createComment({ ...repo, issue_number: 8, body: 'hi' })
    expect(c.user?.login).toBe('github-actions[bot]')
    await gh.rest.issues.updateComment({ ...repo, comment_id: c.id, body: 'edited' })
    expect(fake.github.commentsOn(8).map((x) => x.body)).toEqual(['edited'])
    const long = gh.rest.issues.createComment({ ...repo, issue_number: 8, body: 'x'.repeat(65537) })
    await expect(long).rejects.toMatchObject({ status: 422 })
    await gh.rest.issues.deleteComment({ ...repo, comment_id: c.id })
    expect(fake.github.commentsOn(8)).toHaveLength(0)
  })

  it('serves pulls, refuses GET /user to the bot token, knows other users', async () => {
    fake.github.setPull({ number: 3, headSha: 'h'.repeat(40), baseSha: 'b'.repeat(40) })
    const { data: pr } = await octo().rest.pulls.get({ ...repo, pull_number: 3 })
    expect(pr.head.sha).toBe('h'.repeat(40))
    await expect(octo().rest.users.getAuthenticated()).rejects.toMatchObject({ status: 403 })
    fake.github.addUser('pat-alice', 'alice')
    const { data: me } = await octo('pat-alice').rest.users.getAuthenticated()
    expect(me.login).toBe('alice')
    await expect(octo('nope').rest.pulls.get({ ...repo, pull_number: 3 })).rejects.toMatchObject({
      status: 401
    })
  })

  it('injects faults once, in order, and can let the write land first', async () => {
    fake.inject({ method: 'POST', path: '/issues/9/comments', status: 502, afterHandling: true })
    fake.inject({ method: 'GET', status: 429, headers: { 'retry-after': '1' } })
    const post = octo().rest.issues.createComment({ ...repo, issue_number: 9, body: 'landed' })
    await expect(post).rejects.toMatchObject({ status: 502 })
    expect(fake.github.commentsOn(9).map((c) => c.body)).toEqual(['landed'])
    const get = octo().rest.issues.listComments({ ...repo, issue_number: 9 })
    await expect(get).rejects.toMatchObject({ status: 429 })
    expect((await octo().rest.issues.listComments({ ...repo, issue_number: 9 })).data).toHaveLength(
      1
    )
    expect(fake.pendingFaults()).toEqual([])
  })
})

describe('artifact service (real DefaultArtifactClient in a child process)', () => {
  it('uploads in blocks, reassembles, and refuses a duplicate name with 409', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grgg-up-'))
    const big = randomBytes(9 * 1024 * 1024) // incompressible: more than one 8 MiB block
    fs.writeFileSync(path.join(dir, 'big.bin'), big)
    fs.mkdirSync(path.join(dir, 'sub'))
    fs.writeFileSync(path.join(dir, 'sub', 'report.json'), '{"a":1}')
    const files = [path.join(dir, 'big.bin'), path.join(dir, 'sub', 'report.json')]
    const up = await artifactProbe(fake, { op: 'upload', name: 'res-1', files, root: dir })
    expect(up.error).toBeUndefined()
    const art = fake.artifacts.get('res-1')
    expect(art?.id).toBe((up.result as { id: number }).id)
    expect(
      fake.requestsTo('PUT', '/acct/results/').filter((r) => r.query.get('comp') === 'block').length
    ).toBeGreaterThan(1)
    expect(art?.hash).toBe(
      `sha256:${createHash('sha256')
        .update(art?.data ?? '')
        .digest('hex')}`
    )
    const entries = fake.artifacts.entries('res-1')
    expect(entries['sub/report.json'].toString()).toBe('{"a":1}')
    expect(entries['big.bin'].equals(big)).toBe(true)
    const again = await artifactProbe(fake, { op: 'upload', name: 'res-1', files, root: dir })
    expect(again.error).toMatch(/409/)
  })

  it('lists another run through REST (findBy) and downloads without decompressing', async () => {
    const zip = new AdmZip()
    zip.addFile('report.json', Buffer.from('{"x":1}'))
    const seeded = fake.artifacts.seed({ runId: 777, name: 'shard-1', data: zip.toBuffer() })
    const findBy = {
      token: FAKE_GITHUB_TOKEN,
      workflowRunId: 777,
      repositoryOwner: 'owner',
      repositoryName: 'repo'
    }
    const list = await artifactProbe(fake, { op: 'list', findBy })
    expect((list.result as { artifacts: { id: number; name: string }[] }).artifacts).toMatchObject([
      { id: seeded.id, name: 'shard-1' }
    ])
    const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'grgg-dl-'))
    const dl = await artifactProbe(fake, {
      op: 'download',
      id: seeded.id,
      path: dest,
      findBy,
      skipDecompress: true
    })
    expect(dl.error).toBeUndefined()
    const files = fs.readdirSync(dest)
    expect(files).toHaveLength(1)
    expect(fs.readFileSync(path.join(dest, files[0])).equals(seeded.data)).toBe(true)
  })
})

describe('Go download site', () => {
  it('lists versions and serves a tarball whose go prints its version; tampering changes the bytes', async () => {
    fake.goDl.setVersions([
      { version: '1.27.1' },
      { version: '1.27rc1' },
      { version: '1.26.2', tampered: true }
    ])
    const stable = (await (await fetch(`${fake.goDownloadUrl}/?mode=json`)).json()) as {
      version: string
    }[]
    expect(stable.map((v) => v.version)).toEqual(['go1.27.1', 'go1.26.2'])
    const all = (await (await fetch(`${fake.goDownloadUrl}/?mode=json&include=all`)).json()) as {
      files: { filename: string; sha256: string; os: string; arch: string; kind: string }[]
    }[]
    const file = all[0].files.find(
      (f) => f.os === 'linux' && f.arch === 'amd64' && f.kind === 'archive'
    )!
    const data = Buffer.from(
      await (await fetch(`${fake.goDownloadUrl}/${file.filename}`)).arrayBuffer()
    )
    expect(createHash('sha256').update(data).digest('hex')).toBe(file.sha256)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grgg-go-'))
    fs.writeFileSync(path.join(dir, 'go.tgz'), data)
    execFileSync('tar', ['-xzf', 'go.tgz'], { cwd: dir })
    const v = execFileSync(path.join(dir, 'go', 'bin', 'go'), ['version'], { encoding: 'utf8' })
    expect(v.trim()).toBe('go version go1.27.1 linux/amd64')
    const tf = all[2].files.find((f) => f.arch === 'amd64')!
    const bad = Buffer.from(
      await (await fetch(`${fake.goDownloadUrl}/${tf.filename}`)).arrayBuffer()
    )
    expect(createHash('sha256').update(bad).digest('hex')).not.toBe(tf.sha256)
  })
})

describe('runAction and makeGitRepo', () => {
  it('runs an entry with the runner environment and parses outputs, summary, env, path, state', async () => {
    const repoDir = await makeGitRepo({
      baseFiles: { 'a.txt': 'base\n' },
      headFiles: { 'b.txt': 'head\n' }
    })
    expect(fs.existsSync(path.join(repoDir.dir, 'a.txt'))).toBe(false)
    expect(
      execFileSync('git', ['rev-parse', 'main'], { cwd: repoDir.dir, encoding: 'utf8' }).trim()
    ).toBe(repoDir.baseSha)
    const res = await runAction({
      workspace: repoDir.dir,
      fake,
      entry: path.join(import.meta.dirname, 'probes', 'echo-action.mjs'),
      inputs: { mode: 'report', 'exit-code': '3' }
    })
    expect(res.exitCode).toBe(3)
    expect(res.outputs['token-present']).toBe('yes')
    expect(res.outputs.mode).toBe('report')
    expect(res.outputs.multi).toBe('line one\nline two')
    expect(JSON.parse(res.outputs.env)).toMatchObject({
      event: 'pull_request',
      api: fake.apiUrl,
      cwd: repoDir.dir
    })
    expect(res.summary).toContain('summary body')
    expect(res.exportedEnv).toEqual({ EXPORTED: 'value' })
    expect(res.addedPath).toEqual(['/opt/fake/bin'])
    expect(res.state).toEqual({ phase: 'main' })
    expect(res.stdout).toContain('::warning::a warning')
    expect(fake.github.pulls.get(1)).toMatchObject({ head: { sha: repoDir.headSha } })
  })
})
