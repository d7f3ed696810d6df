/**
 * Octokit adapter: a client with @octokit/plugin-retry (5xx, idempotent requests) and
 * @octokit/plugin-throttling (rate limits, `retry-after`), and a `CommentStore` over it that maps
 * HTTP failures to the typed errors the sticky logic understands.
 */
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling'
import type { Logger } from '../ports.js'
import {
  CommentPermissionError,
  CommentTooLongError,
  READ_ONLY_TOKEN_HINT,
  TransientGitHubError,
  type CommentStore,
  type StoredComment
} from './comment-store.js'

export type GitHubClient = ReturnType<typeof getOctokit>

export interface GitHubClientOptions {
  token: string
  /** REST base URL; default: GITHUB_API_URL as read by @actions/github. */
  baseUrl?: string
  /** Retries of idempotent requests after 5xx/network errors (default 3). */
  retries?: number
  /** plugin-retry waits (n+1)² × this many ms (default 1000; tests use 1). */
  retryBaseMs?: number
  /** Retries after a rate limit (default 2). */
  rateLimitRetries?: number
  /** Longest rate-limit wait accepted, in seconds (default 60); longer waits give up. */
  maxRateLimitWaitSeconds?: number
  /** Extra plugin-throttling options (tests: `retryAfterBaseValue`, Bottleneck groups). */
  throttle?: Partial<ThrottlingOptions>
  logger?: Pick<Logger, 'warning' | 'debug'>
}

/** An Octokit with retry and throttling. */
export function createGitHubClient(o: GitHubClientOptions): GitHubClient {
  const maxRetries = o.rateLimitRetries ?? 2
  const maxWait = o.maxRateLimitWaitSeconds ?? 60
  const onLimit =
    (kind: string) =>
    (retryAfter: number, options: { method: string; url: string }, _o: unknown, count: number) => {
      const retrying = count < maxRetries && retryAfter <= maxWait
      o.logger?.warning(
        `GitHub ${kind} rate limit on ${options.method} ${options.url}; ` +
          (retrying ? `retrying after ${retryAfter}s.` : 'giving up.')
      )
      return retrying
    }
  const options = {
    ...(o.baseUrl ? { baseUrl: o.baseUrl } : {}),
    // Retries go in the plugin's state, not `request.retries`: plugin-retry re-sends *any*
    // failure (403, 422 included) whose request options carry a retry count.
    retry: { retryAfterBaseValue: o.retryBaseMs ?? 1000, retries: o.retries ?? 3 },
    throttle: {
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
      ...o.throttle
    }
  }
  return getOctokit(o.token, options as Parameters<typeof getOctokit>[1], retry, throttling)
}

interface HttpLikeError {
  status?: number
  message?: string
  response?: { data?: unknown }
}

/** Map an Octokit failure to the sticky logic's typed errors (others are returned unchanged). */
export function mapGitHubError(e: unknown, what: string): unknown {
  const err = e as HttpLikeError
  const status = typeof err?.status === 'number' ? err.status : null
  const text = `${err?.message ?? String(e)} ${JSON.stringify(err?.response?.data ?? '')}`
  const msg = `${what} failed${status ? ` (HTTP ${status})` : ''}: ${err?.message ?? String(e)}`
  if (status === 422 && /too long/i.test(text)) return new CommentTooLongError(msg)
  const rateLimited = /rate limit/i.test(text)
  if ((status === 403 || status === 401) && !rateLimited) {
    return new CommentPermissionError(`${msg}. ${READ_ONLY_TOKEN_HINT}`)
  }
  if (status === null || status >= 500 || status === 429 || rateLimited) {
    return new TransientGitHubError(msg, status)
  }
  return e
}

interface ApiComment {
  id: number
  body?: string | null
  user?: { login: string } | null
  created_at: string
  html_url: string
}

const toStored = (c: ApiComment): StoredComment => ({
  id: c.id,
  body: c.body ?? '',
  author: c.user?.login ?? null,
  createdAt: c.created_at,
  url: c.html_url
})

/** The comments of one PR through Octokit. */
export class OctokitCommentStore implements CommentStore {
  constructor(
    private readonly gh: GitHubClient,
    private readonly where: { owner: string; repo: string; issueNumber: number }
  ) {}

  private get repo() {
    return { owner: this.where.owner, repo: this.where.repo }
  }

  async list(): Promise<StoredComment[]> {
    try {
      const all = await this.gh.paginate(this.gh.rest.issues.listComments, {
        ...this.repo,
        issue_number: this.where.issueNumber,
        per_page: 100
      })
      return (all as ApiComment[]).map(toStored)
    } catch (e) {
      throw mapGitHubError(e, 'Listing PR comments')
    }
  }

  async create(body: string): Promise<StoredComment> {
    try {
      // No automatic retry: a 5xx after the POST was sent may still have created the comment.
      const { data } = await this.gh.rest.issues.createComment({
        ...this.repo,
        issue_number: this.where.issueNumber,
        body,
        request: { retries: 0 }
      })
      return toStored(data as ApiComment)
    } catch (e) {
      throw mapGitHubError(e, 'Creating the PR comment')
    }
  }

  async update(id: number, body: string): Promise<StoredComment> {
    try {
      const { data } = await this.gh.rest.issues.updateComment({
        ...this.repo,
        comment_id: id,
        body
      })
      return toStored(data as ApiComment)
    } catch (e) {
      throw mapGitHubError(e, `Updating PR comment ${id}`)
    }
  }

  async delete(id: number): Promise<void> {
    try {
      await this.gh.rest.issues.deleteComment({ ...this.repo, comment_id: id })
    } catch (e) {
      if ((e as HttpLikeError).status === 404) return // already gone: a racing run removed it
      throw mapGitHubError(e, `Deleting PR comment ${id}`)
    }
  }

  /** The token's login via GET /user; null for GITHUB_TOKEN, which may not call it. */
  async whoami(): Promise<string | null> {
    try {
      const { data } = await this.gh.rest.users.getAuthenticated({ request: { retries: 0 } })
      return data.login
    } catch {
      return null
    }
  }
}

/** The PR's current head SHA, or null when it cannot be read. */
export async function fetchPullHeadSha(
  gh: GitHubClient,
  where: { owner: string; repo: string; pullNumber: number }
): Promise<string | null> {
  try {
    const { data } = await gh.rest.pulls.get({
      owner: where.owner,
      repo: where.repo,
      pull_number: where.pullNumber
    })
    return data.head.sha
  } catch {
    return null
  }
}

/** The PR's head SHA and head repository id (for report mode), or null when there is no such PR. */
export async function fetchPullHead(
  gh: GitHubClient,
  where: { owner: string; repo: string; pullNumber: number }
): Promise<{ sha: string; repoId: number | null } | null> {
  try {
    const { data } = await gh.rest.pulls.get({
      owner: where.owner,
      repo: where.repo,
      pull_number: where.pullNumber
    })
    return { sha: data.head.sha, repoId: data.head.repo?.id ?? null }
  } catch (e) {
    if ((e as HttpLikeError).status === 404) return null
    throw e
  }
}
