/**
 * The small interface the sticky-comment logic works over, and the typed errors an adapter
 * raises. The Octokit adapter lives in octokit-store.ts; tests may use any implementation.
 */

export interface StoredComment {
  id: number
  body: string
  /** Login of the author, or null when unknown (deleted user). */
  author: string | null
  /** ISO timestamp; comments sort by it, then by id. */
  createdAt: string
  /** Link to the comment (html_url). */
  url: string
}

/** Comments of one PR. */
export interface CommentStore {
  /** Every comment on the PR, all pages, oldest first. */
  list(): Promise<StoredComment[]>
  /** Never retried by the adapter: an ambiguous failure throws `TransientGitHubError`. */
  create(body: string): Promise<StoredComment>
  update(id: number, body: string): Promise<StoredComment>
  /** Resolves when gone (including "already gone"). */
  delete(id: number): Promise<void>
  /** Login of the token's identity, or null when the token cannot tell (GITHUB_TOKEN). */
  whoami?(): Promise<string | null>
}

/** The token may not write comments (fork PR, Dependabot, missing `pull-requests: write`). */
export class CommentPermissionError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CommentPermissionError'
  }
}

/** GitHub refused the body as too long (422, over 65,536 characters). */
export class CommentTooLongError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CommentTooLongError'
  }
}

/**
 * A 5xx, rate limit left unresolved, or network failure. For a write it is ambiguous: the write
 * may have landed.
 */
export class TransientGitHubError extends Error {
  constructor(
    message: string,
    readonly status: number | null
  ) {
    super(message)
    this.name = 'TransientGitHubError'
  }
}

/** The login GITHUB_TOKEN comments as. */
export const GITHUB_ACTIONS_BOT = 'github-actions[bot]'

/** How the read-only-token warning tells users to fix it. */
export const READ_ONLY_TOKEN_HINT =
  'The token cannot write PR comments (fork PRs and Dependabot get a read-only GITHUB_TOKEN). ' +
  'Grant `permissions: pull-requests: write`, or for fork PRs publish from a second workflow ' +
  'triggered by `workflow_run` with `mode: report` (see README, "Fork PRs").'
