import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  BOT_USER,
  forbidden,
  makeGitRepo,
  prEvent,
  runAction,
  startFakeServer,
  type FakeServer,
  PLAIN_MODULE
} from '../harness/index.js'

// The sticky comment through the bundle. Go work is switched off: only publishing is exercised.
const inputs = { race: 'false', bench: '', cache: 'false' }
const files = PLAIN_MODULE
const MARKER = '<!-- go-race-gc-guard:sticky: -->'

let fake: FakeServer
let repo: { dir: string; baseSha: string; headSha: string }
let pr = 0
beforeAll(async () => {
  fake = await startFakeServer()
  repo = await makeGitRepo({
    baseFiles: files,
    headFiles: { ...files, 'more_test.go': 'package plain\n' }
  })
})
afterAll(async () => {
  await fake.close()
})
beforeEach(() => {
  pr++
})

const event = () => prEvent({ number: pr, baseSha: repo.baseSha, headSha: repo.headSha })
const run = (extra: Record<string, string> = {}) =>
  runAction({ workspace: repo.dir, fake, inputs: { ...inputs, ...extra }, event: event() })
const ours = () => fake.github.commentsOn(pr).filter((c) => c.body.includes(MARKER))

describe('one sticky PR comment', () => {
  it('two runs leave exactly one comment, updated in place', async () => {
    const first = await run()
    expect(first.exitCode, first.stdout).toBe(0)
    expect(ours()).toHaveLength(1)
    const id = ours()[0].id
    expect(first.outputs['comment-url']).toContain(String(id))
    const second = await run()
    expect(second.exitCode).toBe(0)
    expect(ours()).toHaveLength(1)
    expect(ours()[0].id).toBe(id)
    expect(second.requests.filter((q) => q.method === 'PATCH')).toHaveLength(1)
    expect(
      second.requests.filter((q) => q.method === 'POST' && q.path.includes('/comments'))
    ).toHaveLength(0)
    // The marker comes first, the headline right after.
    expect(ours()[0].body.startsWith(MARKER)).toBe(true)
  })

  it('three pre-seeded duplicates heal to one, the oldest', async () => {
    const seeded = [1, 2, 3].map(() => fake.github.addComment(pr, `${MARKER}\nold`, BOT_USER))
    const r = await run()
    expect(r.exitCode).toBe(0)
    expect(ours().map((c) => c.id)).toEqual([seeded[0].id])
    expect(ours()[0].body).not.toContain('\nold')
  })

  it('finds its comment among 150 others, across pages', async () => {
    for (let i = 0; i < 120; i++)
      fake.github.addComment(pr, `chatter ${i}`, { login: 'dev', id: 7, type: 'User' })
    const mine = fake.github.addComment(pr, `${MARKER}\nold`, BOT_USER)
    for (let i = 0; i < 30; i++)
      fake.github.addComment(pr, `late ${i}`, { login: 'dev', id: 7, type: 'User' })
    const r = await run()
    expect(r.exitCode).toBe(0)
    expect(ours().map((c) => c.id)).toEqual([mine.id])
    expect(
      r.requests.filter((q) => q.method === 'GET' && q.path.includes('/comments')).length
    ).toBeGreaterThan(1)
  })

  it("leaves another user's comment carrying the marker alone", async () => {
    const theirs = fake.github.addComment(pr, `${MARKER}\nquoted by a human`, {
      login: 'dev',
      id: 7,
      type: 'User'
    })
    const r = await run()
    expect(r.exitCode).toBe(0)
    const all = fake.github.commentsOn(pr)
    expect(all.find((c) => c.id === theirs.id)?.body).toContain('quoted by a human')
    expect(
      all.filter((c) => c.user.login === BOT_USER.login && c.body.includes(MARKER))
    ).toHaveLength(1)
  })

  it('a read-only token (403) still ends with the verdict, a summary and one warning', async () => {
    // A server of its own: this fault never expires.
    const readOnly = await startFakeServer()
    try {
      readOnly.inject({ path: '/comments', status: 403, times: Infinity, body: forbidden().body })
      const r = await runAction({ workspace: repo.dir, fake: readOnly, inputs, event: event() })
      expect(r.exitCode).toBe(0)
      expect(r.outputs.verdict).toBe('pass')
      expect(r.summary.length).toBeGreaterThan(0)
      const warnings = r.stdout
        .split('\n')
        .filter((l) => l.startsWith('::warning') && /mode: report/.test(l))
      expect(warnings).toHaveLength(1)
      expect(r.outputs['comment-url']).toBe('')
    } finally {
      await readOnly.close()
    }
  })

  it('survives injected 502s and a 429 with retry-after without a duplicate', async () => {
    fake.inject({
      method: 'GET',
      path: '/comments',
      status: 429,
      headers: { 'retry-after': '1' },
      body: { message: 'You have exceeded a secondary rate limit.' }
    })
    fake.inject({ method: 'POST', path: '/comments', status: 502, afterHandling: true })
    fake.inject({ method: 'GET', path: '/comments', status: 502 })
    const r = await run()
    expect(r.exitCode, r.stdout).toBe(0)
    expect(ours()).toHaveLength(1)
  })
})
