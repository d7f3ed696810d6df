/**
 * The sticky comment through the real Octokit adapter (retry + throttling plugins) against the
 * loopback GitHub fake.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeServer, type FakeServer } from '../harness/index.js'
import { commentMarker, headMarker, readHeadSha } from '../../src/github/marker.js'
import { CommentPermissionError } from '../../src/github/comment-store.js'
import { fetchPullHeadSha } from '../../src/github/octokit-store.js'
import { upsertStickyComment, type UpsertOptions } from '../../src/github/sticky.js'
import { testStore } from './client.js'

let fake: FakeServer
let pr = 100
beforeAll(async () => {
  fake = await startFakeServer()
})
afterAll(async () => fake.close())

const SHA_A = 'a'.repeat(40)
const SHA_B = 'b'.repeat(40)

/** A fresh PR number per test, with its head at `head`. */
function newPr(head = SHA_A): number {
  pr++
  fake.github.setPull({ number: pr, headSha: head, baseSha: '0'.repeat(40) })
  return pr
}

function upsert(n: number, text: string, extra: Partial<UpsertOptions> = {}) {
  const { store, gh } = testStore(fake, n)
  return upsertStickyComment({
    store,
    header: '',
    headSha: SHA_A,
    currentHeadSha: () => fetchPullHeadSha(gh, { owner: 'owner', repo: 'repo', pullNumber: n }),
    body: () => text,
    relistDelayMs: 1,
    ...extra
  })
}

const posts = (n: number) => fake.requestsTo('POST', `/issues/${n}/comments`).length

describe('sticky comment', () => {
  it('two runs leave exactly one comment, updated in place', async () => {
    const n = newPr()
    const first = await upsert(n, 'result one')
    expect(first.action).toBe('created')
    const second = await upsert(n, 'result two')
    expect(second.action).toBe('updated')
    const comments = fake.github.commentsOn(n)
    expect(comments).toHaveLength(1)
    expect(comments[0].id).toBe(first.comment.id)
    expect(comments[0].body.startsWith(commentMarker(''))).toBe(true)
    expect(comments[0].body).toContain('result two')
    expect(readHeadSha(comments[0].body)).toBe(SHA_A)
    expect((await upsert(n, 'result two')).action).toBe('unchanged')
  })

  it('three pre-seeded duplicates heal to one: the oldest, updated', async () => {
    const n = newPr()
    const seeded = [1, 2, 3].map((i) => fake.github.addComment(n, `${commentMarker('')}\nold ${i}`))
    const res = await upsert(n, 'fresh')
    expect(res.action).toBe('updated')
    expect(res.removedDuplicates).toEqual([seeded[1].id, seeded[2].id])
    expect(fake.github.commentsOn(n).map((c) => c.id)).toEqual([seeded[0].id])
    expect(fake.github.commentsOn(n)[0].body).toContain('fresh')
  })

  it('finds its comment among 150 by searching every page', async () => {
    const n = newPr()
    for (let i = 0; i < 140; i++) fake.github.addComment(n, `chatter ${i}`)
    const ours = fake.github.addComment(n, `${commentMarker('')}\nold`)
    for (let i = 0; i < 9; i++) fake.github.addComment(n, `more ${i}`)
    const res = await upsert(n, 'new')
    expect(res.action).toBe('updated')
    expect(res.comment.id).toBe(ours.id)
    expect(posts(n)).toBe(0)
    expect(fake.requestsTo('GET', `/issues/${n}/comments`).length).toBe(2)
    expect(fake.github.commentsOn(n)).toHaveLength(150)
  })

  it("leaves another user's comment with the marker alone, and keeps headers apart", async () => {
    const n = newPr()
    const alice = fake.github.addUser(`pat-alice-${n}`, 'alice')
    const forged = fake.github.addComment(n, `${commentMarker('')}\nforged`, alice)
    const other = await upsert(n, 'matrix job', { header: 'linux' })
    const res = await upsert(n, 'ours')
    expect(res.action).toBe('created')
    expect(fake.github.commentsOn(n).find((c) => c.id === forged.id)?.body).toContain('forged')
    expect(fake.github.commentsOn(n).find((c) => c.id === other.comment.id)?.body).toContain(
      'matrix job'
    )
    expect(fake.github.commentsOn(n)).toHaveLength(3)
  })

  it('a read-only token gets a typed error naming the fix', async () => {
    const n = newPr()
    fake.inject({
      method: 'POST',
      path: `/issues/${n}/comments`,
      status: 403,
      body: { message: 'Resource not accessible by integration' }
    })
    const err = await upsert(n, 'x').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(CommentPermissionError)
    expect((err as Error).message).toMatch(/pull-requests: write/)
    expect((err as Error).message).toMatch(/mode: report/)
    expect(fake.github.commentsOn(n)).toHaveLength(0)
  })

  it('survives 502s on reads and a 429 with retry-after without a duplicate', async () => {
    const n = newPr()
    const secondary = {
      status: 429,
      headers: { 'retry-after': '1' },
      body: {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
      }
    }
    fake.inject({ method: 'GET', path: `/issues/${n}/comments`, ...secondary })
    fake.inject({ method: 'GET', path: `/issues/${n}/comments`, status: 502, times: 2 })
    fake.inject({ method: 'POST', path: `/issues/${n}/comments`, ...secondary })
    const res = await upsert(n, 'ok')
    expect(res.action).toBe('created')
    expect(fake.github.commentsOn(n)).toHaveLength(1)
    const lists = fake.requestsTo('GET', `/issues/${n}/comments`).map((r) => r.status)
    expect(lists.slice(0, 4)).toEqual([429, 502, 502, 200])
    expect(fake.requestsTo('POST', `/issues/${n}/comments`).map((r) => r.status)).toEqual([
      429, 201
    ])
    expect(fake.pendingFaults()).toEqual([])
  })

  it('after a 502 on create that landed, lists again instead of posting twice', async () => {
    const n = newPr()
    fake.inject({ method: 'POST', path: `/issues/${n}/comments`, status: 502, afterHandling: true })
    const res = await upsert(n, 'once')
    expect(res.note).toMatch(/landed/)
    expect(posts(n)).toBe(1)
    expect(fake.github.commentsOn(n)).toHaveLength(1)
  })

  it('after a dropped connection on create that did not land, creates again: one comment', async () => {
    const n = newPr()
    fake.inject({ method: 'POST', path: `/issues/${n}/comments`, dropConnection: true })
    fake.inject({ method: 'POST', path: `/issues/${n}/comments`, status: 503 })
    const res = await upsert(n, 'eventually')
    expect(res.action).toBe('created')
    expect(posts(n)).toBe(3)
    expect(fake.github.commentsOn(n)).toHaveLength(1)
  })

  it('two racing runs converge on one comment', async () => {
    const n = newPr()
    await Promise.all([upsert(n, 'racer 1'), upsert(n, 'racer 2')])
    expect(fake.github.commentsOn(n)).toHaveLength(1)
  })

  it('a run for an older head never overwrites the newer result', async () => {
    const n = newPr(SHA_B) // the PR has moved on to B
    fake.github.addComment(n, `${commentMarker('')}\n${headMarker(SHA_B)}\nresult for B`)
    const res = await upsert(n, 'result for A', { headSha: SHA_A })
    expect(res.action).toBe('skipped-stale')
    expect(fake.github.commentsOn(n)[0].body).toContain('result for B')
    expect(
      fake
        .requestsTo('PATCH', '/issues/comments/')
        .filter((r) => r.path.endsWith(String(res.comment.id)))
    ).toHaveLength(0)
    // The run for B itself updates normally.
    expect((await upsert(n, 'B again', { headSha: SHA_B })).action).toBe('updated')
  })

  it('a 422 "too long" shrinks the body once and retries', async () => {
    const n = newPr()
    const limits: number[] = []
    fake.inject({
      method: 'POST',
      path: `/issues/${n}/comments`,
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [{ message: 'Body is too long (maximum is 65536 characters)' }]
      }
    })
    const res = await upsert(n, '', {
      body: (max) => {
        limits.push(max)
        return 'y'.repeat(Math.min(max, 60000))
      }
    })
    expect(res.action).toBe('created')
    expect(limits).toHaveLength(2)
    expect(limits[1]).toBeLessThan(limits[0])
    expect(fake.github.commentsOn(n)[0].body.length).toBeLessThanOrEqual(65536 / 2)
  })
})
