/**
 * One sticky comment per PR and header: found by its hidden marker among the token identity's
 * comments (all pages), updated in place, duplicates healed (oldest wins), never overwritten by a
 * run for an older head commit, and never blindly re-created after an ambiguous failure.
 */
import type { Logger } from '../ports.js'
import {
  CommentTooLongError,
  GITHUB_ACTIONS_BOT,
  TransientGitHubError,
  type CommentStore,
  type StoredComment
} from './comment-store.js'
import { hasCommentMarker, MARKER_OVERHEAD, readHeadSha, withMarkers } from './marker.js'

/** GitHub's limit for a comment body. */
export const MAX_COMMENT_CHARS = 65536

export interface UpsertOptions {
  store: CommentStore
  /** The `comment-header` input ('' for the default comment). */
  header: string
  /** Head commit the result describes; null disables the stale-run guard. */
  headSha: string | null
  /** The PR's current head commit (GET /pulls/{n}); null when unknown. */
  currentHeadSha?: () => Promise<string | null>
  /** Login whose comments are ours. Default: `store.whoami()`, else github-actions[bot]. */
  identity?: string
  /** Builds the body within `maxChars` characters; called again with less room after a 422. */
  body: (maxChars: number) => string
  maxChars?: number
  logger?: Pick<Logger, 'info' | 'warning' | 'debug'>
  /** Wait before re-listing after an ambiguous create (lists can lag). Default 1000 ms. */
  relistDelayMs?: number
  /** Create attempts in total, each after checking the previous one did not land. Default 3. */
  maxCreateAttempts?: number
  sleep?: (ms: number) => Promise<void>
}

export type UpsertAction = 'created' | 'updated' | 'unchanged' | 'skipped-stale'

export interface UpsertResult {
  action: UpsertAction
  /** The comment that now carries the result (for `skipped-stale`: the newer one left alone). */
  comment: StoredComment
  /** Ids of duplicate comments deleted. */
  removedDuplicates: number[]
  /** Why the run was skipped, or a note (e.g. "an ambiguous create had landed"). */
  note: string | null
}

const byAge = (a: StoredComment, b: StoredComment): number =>
  a.createdAt === b.createdAt ? a.id - b.id : a.createdAt < b.createdAt ? -1 : 1

const silent = { info: () => {}, warning: () => {}, debug: () => {} }

/** Create or update the sticky comment. Throws `CommentPermissionError` for a read-only token. */
export async function upsertStickyComment(o: UpsertOptions): Promise<UpsertResult> {
  const log = o.logger ?? silent
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  const identity = o.identity ?? (await o.store.whoami?.()) ?? GITHUB_ACTIONS_BOT
  let limit = o.maxChars ?? MAX_COMMENT_CHARS
  let shrunk = false
  const build = (): string => withMarkers(o.body(limit - MARKER_OVERHEAD), o.header, o.headSha)
  let body = build()
  if (body.length > limit) {
    // The renderer overshot: shrink now rather than wait for GitHub's 422.
    limit = Math.floor(limit / 2)
    shrunk = true
    body = build()
  }

  const findMine = async (): Promise<StoredComment[]> =>
    (await o.store.list())
      .filter((c) => c.author === identity && hasCommentMarker(c.body, o.header))
      .sort(byAge)

  /** Run a write; after a 422 "too long", shrink once and try again. */
  const write = async (fn: (b: string) => Promise<StoredComment>): Promise<StoredComment> => {
    try {
      return await fn(body)
    } catch (e) {
      if (!(e instanceof CommentTooLongError) || shrunk) throw e
      shrunk = true
      limit = Math.floor(limit / 2)
      body = build()
      log.warning(`The comment was too long for GitHub; retrying with at most ${limit} characters.`)
      return fn(body)
    }
  }

  const removeDuplicates = async (dups: StoredComment[]): Promise<number[]> => {
    const removed: number[] = []
    for (const d of dups) {
      try {
        await o.store.delete(d.id)
        removed.push(d.id)
      } catch (e) {
        log.warning(`Could not delete duplicate comment ${d.id}: ${(e as Error).message}`)
      }
    }
    return removed
  }

  const mine = await findMine()
  const stale = await staleReason(o, mine[0])
  if (stale) {
    log.info(stale)
    return { action: 'skipped-stale', comment: mine[0], removedDuplicates: [], note: stale }
  }
  const removed = await removeDuplicates(mine.slice(1))
  if (mine.length > 0) {
    const keep = mine[0]
    if (keep.body === body)
      return { action: 'unchanged', comment: keep, removedDuplicates: removed, note: null }
    const comment = await write((b) => o.store.update(keep.id, b))
    return { action: 'updated', comment, removedDuplicates: removed, note: null }
  }

  const attempts = o.maxCreateAttempts ?? 3
  for (let attempt = 1; ; attempt++) {
    try {
      const created = await write((b) => o.store.create(b))
      // Two runs racing can both create; verify once and converge on the oldest.
      const after = await findMine()
      if (after.length <= 1)
        return { action: 'created', comment: created, removedDuplicates: removed, note: null }
      const keep = after[0]
      removed.push(...(await removeDuplicates(after.slice(1))))
      const comment = keep.body === body ? keep : await write((b) => o.store.update(keep.id, b))
      return {
        action: keep.id === created.id ? 'created' : 'updated',
        comment,
        removedDuplicates: removed,
        note: null
      }
    } catch (e) {
      if (!(e instanceof TransientGitHubError)) throw e
      log.warning(
        `Creating the PR comment failed (${e.message}); checking whether it landed anyway.`
      )
      await sleep(o.relistDelayMs ?? 1000)
      const landed = await findMine()
      if (landed.length > 0) {
        removed.push(...(await removeDuplicates(landed.slice(1))))
        const keep = landed[0]
        const comment = keep.body === body ? keep : await write((b) => o.store.update(keep.id, b))
        return {
          action: 'created',
          comment,
          removedDuplicates: removed,
          note: 'the failed create had landed'
        }
      }
      if (attempt >= attempts) throw e
    }
  }
}

/** Why this run must not overwrite the comment, or null. */
async function staleReason(
  o: UpsertOptions,
  existing: StoredComment | undefined
): Promise<string | null> {
  if (!o.headSha || !o.currentHeadSha || !existing) return null
  let current: string | null
  try {
    current = await o.currentHeadSha()
  } catch {
    return null // unknown: better to publish than to lose the result
  }
  if (!current || current === o.headSha) return null
  const shown = readHeadSha(existing.body)
  if (shown !== current) return null
  return (
    `Not updating the PR comment: it already shows the newer head ${current.slice(0, 12)}, ` +
    `and this run is for ${o.headSha.slice(0, 12)}.`
  )
}
