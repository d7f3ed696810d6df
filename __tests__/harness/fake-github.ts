/**
 * The GitHub REST routes the action uses, served from memory under `/api/v3`: issue comments
 * (with `Link` pagination), pull requests and `GET /user`. Tokens map to users; the default
 * token is the `github-actions[bot]` installation token, which (like the real GITHUB_TOKEN)
 * cannot call `GET /user`.
 */
import { json, type FakeResponse, type RecordedRequest } from './fake-server.js'

export interface FakeUser {
  login: string
  id: number
  type: 'User' | 'Bot'
}

export interface FakeComment {
  id: number
  issue_number: number
  user: FakeUser
  body: string
  created_at: string
  updated_at: string
  html_url: string
}

export interface FakePullInput {
  number: number
  headSha: string
  baseSha: string
  headRef?: string
  baseRef?: string
  /** Id of the head repository (differs from the base repository's id for forks). */
  headRepoId?: number
  fork?: boolean
}

/** The token the harness hands the action by default (GITHUB_TOKEN stand-in). */
export const FAKE_GITHUB_TOKEN = 'ghs_fakeGitHubToken0000000000000000000000'
export const BOT_USER: FakeUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }
export const BASE_REPO_ID = 100
const MAX_BODY = 65536
const EPOCH = Date.parse('2026-01-01T00:00:00Z')

export class FakeGitHub {
  owner = 'owner'
  repo = 'repo'
  readonly comments: FakeComment[] = []
  readonly pulls = new Map<number, Record<string, unknown>>()
  /** token → user. Unknown tokens get 401 "Bad credentials". */
  readonly users = new Map<string, FakeUser>([[FAKE_GITHUB_TOKEN, BOT_USER]])
  private nextId = 1000

  /** Register another token (e.g. a human's PAT) and return its user. */
  addUser(token: string, login: string, type: FakeUser['type'] = 'User'): FakeUser {
    const user = { login, id: 5000 + this.users.size, type }
    this.users.set(token, user)
    return user
  }

  /** Seed a comment directly (no request recorded). Default author: github-actions[bot]. */
  addComment(issueNumber: number, body: string, user: FakeUser = BOT_USER): FakeComment {
    const id = this.nextId++
    const at = new Date(EPOCH + id * 1000).toISOString()
    const c: FakeComment = {
      id,
      issue_number: issueNumber,
      user: { ...user },
      body,
      created_at: at,
      updated_at: at,
      html_url: `http://github.localhost/${this.owner}/${this.repo}/pull/${issueNumber}#issuecomment-${id}`
    }
    this.comments.push(c)
    return c
  }

  /** Comments on one issue/PR, oldest first. */
  commentsOn(issueNumber: number): FakeComment[] {
    return this.comments.filter((c) => c.issue_number === issueNumber)
  }

  /** Create or replace a pull request as `GET /pulls/{n}` returns it. */
  setPull(p: FakePullInput): void {
    const full = `${this.owner}/${this.repo}`
    const baseRepo = { id: BASE_REPO_ID, full_name: full, fork: false }
    const headRepo = p.fork
      ? { id: p.headRepoId ?? 200, full_name: `forker/${this.repo}`, fork: true }
      : { ...baseRepo, id: p.headRepoId ?? BASE_REPO_ID }
    this.pulls.set(p.number, {
      number: p.number,
      state: 'open',
      html_url: `http://github.localhost/${full}/pull/${p.number}`,
      head: { sha: p.headSha, ref: p.headRef ?? 'feature', repo: headRepo },
      base: { sha: p.baseSha, ref: p.baseRef ?? 'main', repo: baseRepo }
    })
  }

  /** The user a request authenticates as, or null. */
  userFor(req: RecordedRequest): FakeUser | null {
    const auth = String(req.headers.authorization ?? '')
    const token = auth.replace(/^(token|bearer)\s+/i, '')
    return this.users.get(token) ?? null
  }

  handle(req: RecordedRequest, baseUrl: string): FakeResponse | null {
    if (!req.pathname.startsWith('/api/v3/')) return null
    const p = req.pathname.slice('/api/v3'.length)
    const user = this.userFor(req)
    const repoM = /^\/repos\/([^/]+)\/([^/]+)(\/.*)$/.exec(p)
    if (p === '/user') {
      if (!user) return json(401, { message: 'Bad credentials' })
      if (user.type === 'Bot') return forbidden()
      return json(200, user)
    }
    if (!repoM) return null
    if (repoM[1] !== this.owner || repoM[2] !== this.repo)
      return json(404, { message: 'Not Found' })
    const rest = repoM[3]
    const isCommentRoute = /^\/(issues|pulls)\//.test(rest)
    if (!isCommentRoute) return null
    if (!user) return json(401, { message: 'Bad credentials' })
    let m = /^\/issues\/(\d+)\/comments$/.exec(rest)
    if (m && req.method === 'GET') return this.list(req, Number(m[1]), baseUrl)
    if (m && req.method === 'POST') {
      const body = bodyOf(req)
      if (body === null) return json(422, { message: 'Invalid request.' })
      if (body.length > MAX_BODY) return tooLong()
      return json(201, this.addComment(Number(m[1]), body, user))
    }
    m = /^\/issues\/comments\/(\d+)$/.exec(rest)
    if (m) return this.single(req, Number(m[1]))
    m = /^\/pulls\/(\d+)$/.exec(rest)
    if (m && req.method === 'GET') {
      const pr = this.pulls.get(Number(m[1]))
      return pr ? json(200, pr) : json(404, { message: 'Not Found' })
    }
    return null
  }

  private list(req: RecordedRequest, issue: number, baseUrl: string): FakeResponse {
    const perPage = Math.min(100, Number(req.query.get('per_page') ?? 30) || 30)
    const page = Math.max(1, Number(req.query.get('page') ?? 1) || 1)
    const all = this.commentsOn(issue)
    const last = Math.max(1, Math.ceil(all.length / perPage))
    const slice = all.slice((page - 1) * perPage, page * perPage)
    const link = (n: number, rel: string) =>
      `<${baseUrl}/api/v3/repos/${this.owner}/${this.repo}/issues/${issue}/comments?per_page=${perPage}&page=${n}>; rel="${rel}"`
    const links: string[] = []
    if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'))
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
    return json(200, slice, links.length ? { link: links.join(', ') } : {})
  }

  private single(req: RecordedRequest, id: number): FakeResponse {
    const idx = this.comments.findIndex((c) => c.id === id)
    if (idx < 0) return json(404, { message: 'Not Found' })
    const c = this.comments[idx]
    if (req.method === 'GET') return json(200, c)
    const user = this.userFor(req)
    // Like GitHub: an installation token may only edit/delete its own comments here.
    if (user?.login !== c.user.login) return forbidden()
    if (req.method === 'DELETE') {
      this.comments.splice(idx, 1)
      return { status: 204 }
    }
    if (req.method === 'PATCH') {
      const body = bodyOf(req)
      if (body === null) return json(422, { message: 'Invalid request.' })
      if (body.length > MAX_BODY) return tooLong()
      c.body = body
      c.updated_at = new Date(Date.parse(c.updated_at) + 1000).toISOString()
      return json(200, c)
    }
    return json(404, { message: 'Not Found' })
  }
}

function bodyOf(req: RecordedRequest): string | null {
  const b = (req.json as { body?: unknown } | undefined)?.body
  return typeof b === 'string' ? b : null
}

/** The body GitHub sends a read-only (fork PR) token. */
export function forbidden(): FakeResponse {
  return json(403, {
    message: 'Resource not accessible by integration',
    documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
    status: '403'
  })
}

/** The 422 GitHub sends for a body over 65,536 characters. */
export function tooLong(): FakeResponse {
  return json(422, {
    message: 'Validation Failed',
    errors: [
      {
        resource: 'IssueComment',
        code: 'unprocessable',
        field: 'data',
        message: 'Body is too long (maximum is 65536 characters)'
      }
    ],
    documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
    status: '422'
  })
}
