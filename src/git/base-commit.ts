import type { RunContext } from '../domain/context.js'
import type { Git } from './git.js'

export interface BaseCommit {
  sha: string | null
  /** Why there is no base, when sha is null. */
  reason: string | null
  /** How the base was chosen, for the log. */
  how: string
}

const ZERO_SHA = /^0+$/
const DEPTHS = [50, 200, 1000]

function prField(payload: Record<string, unknown>, side: 'base' | 'head'): string | null {
  const pr = payload.pull_request as
    { base?: { sha?: unknown }; head?: { sha?: unknown } } | undefined
  const sha = pr?.[side]?.sha
  return typeof sha === 'string' && /^[0-9a-f]{40,64}$/.test(sha) ? sha : null
}

/** The PR's head commit from the payload (not GITHUB_SHA, which is the merge commit). */
export function prHeadSha(payload: Record<string, unknown>): string | null {
  return prField(payload, 'head')
}

/**
 * Fetches commits missing from a shallow checkout (actions/checkout defaults to depth 1).
 * Fetching by SHA works on GitHub; the depth grows until `ready()` holds.
 */
async function fetchUntil(
  git: Git,
  revs: string[],
  ready: () => Promise<boolean>
): Promise<boolean> {
  if (await ready()) return true
  for (const depth of DEPTHS) {
    await git.raw([
      'fetch',
      '--no-tags',
      '--no-recurse-submodules',
      `--depth=${depth}`,
      'origin',
      ...revs
    ])
    if (await ready()) return true
  }
  if ((await git.raw(['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true') {
    await git.raw(['fetch', '--no-tags', '--no-recurse-submodules', '--unshallow', 'origin'])
  }
  return ready()
}

async function mergeBase(git: Git, a: string, b: string): Promise<string | null> {
  const r = await git.raw(['merge-base', a, b])
  return r.exitCode === 0 ? r.stdout.trim() : null
}

/** Parent SHAs of a commit read from the raw object, which a shallow graft does not hide. */
async function parentsOf(git: Git, rev: string): Promise<string[]> {
  const r = await git.raw(['cat-file', '-p', rev])
  return [...r.stdout.matchAll(/^parent ([0-9a-f]+)$/gm)].map((m) => m[1])
}

/**
 * Chooses the commit head is compared with:
 * - `base-ref` given: exactly that commit (fetched if missing);
 * - pull_request: when the checkout is GitHub's merge commit (the default of actions/checkout),
 *   its first parent — the base exactly as the PR is merged onto it; otherwise the merge-base of
 *   the PR's base and the checked-out head;
 * - push: the `before` commit; none for a new branch;
 * - anything else: no base.
 */
export async function resolveBaseCommit(
  git: Git,
  ctx: RunContext,
  baseRef: string
): Promise<BaseCommit> {
  const head = await git.out(['rev-parse', 'HEAD'])
  if (baseRef !== '') return resolveExplicit(git, baseRef)
  if (ctx.eventName.startsWith('pull_request')) {
    const base = prField(ctx.payload, 'base')
    const prHead = prField(ctx.payload, 'head')
    if (!base) return { sha: null, reason: 'the pull_request payload has no base SHA', how: '' }
    const parents = await parentsOf(git, head)
    if (prHead && head !== prHead && parents.length === 2 && parents[1] === prHead) {
      const ok = await fetchUntil(git, [parents[0]], () => git.hasCommit(parents[0]))
      if (ok) return { sha: parents[0], reason: null, how: 'first parent of the PR merge commit' }
    }
    const revs = [base, ...(prHead && prHead !== head ? [prHead] : [])]
    let found: string | null = null
    await fetchUntil(git, revs, async () => {
      found = (await git.hasCommit(base)) ? await mergeBase(git, base, head) : null
      return found !== null
    })
    if (found)
      return {
        sha: found,
        reason: null,
        how: `merge-base of the PR base ${base.slice(0, 12)} and head`
      }
    return {
      sha: null,
      reason: `could not fetch the PR base ${base} or find a merge-base with head`,
      how: ''
    }
  }
  if (ctx.eventName === 'push') {
    const before = typeof ctx.payload.before === 'string' ? ctx.payload.before : ''
    if (before === '' || ZERO_SHA.test(before)) {
      return {
        sha: null,
        reason: 'this push created the branch: there is no previous commit to compare with',
        how: ''
      }
    }
    const ok = await fetchUntil(git, [before], () => git.hasCommit(before))
    if (ok) return { sha: before, reason: null, how: 'the commit before the push' }
    return { sha: null, reason: `could not fetch the commit before the push (${before})`, how: '' }
  }
  return {
    sha: null,
    reason: `the ${ctx.eventName || 'local'} event has no base; set base-ref to compare with a branch, tag or SHA`,
    how: ''
  }
}

async function resolveExplicit(git: Git, ref: string): Promise<BaseCommit> {
  for (const candidate of [ref, `origin/${ref}`]) {
    const r = await git.raw(['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`])
    if (r.exitCode === 0) return { sha: r.stdout.trim(), reason: null, how: `base-ref ${ref}` }
  }
  await git.raw(['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', 'origin', ref])
  const r = await git.raw(['rev-parse', '--verify', '--quiet', 'FETCH_HEAD^{commit}'])
  if (r.exitCode === 0)
    return { sha: r.stdout.trim(), reason: null, how: `base-ref ${ref} (fetched)` }
  return {
    sha: null,
    reason: `base-ref "${ref}" is not a branch, tag or commit in this repository or its origin`,
    how: ''
  }
}
