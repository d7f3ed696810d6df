import { randomBytes } from 'node:crypto'
import { realpathSync } from 'node:fs'
import path from 'node:path'
import type { Checkouts } from '../domain/checkouts.js'
import type { RunContext } from '../domain/context.js'
import type { FileSystem, Logger, ProcessRunner } from '../ports.js'
import { prHeadSha, resolveBaseCommit } from './base-commit.js'
import { Git } from './git.js'

export interface PreparedCheckouts {
  checkouts: Checkouts
  /** Removes the base worktree; safe to call more than once. */
  cleanup(): Promise<void>
}

/**
 * Prepares the head (the user's workspace, never modified) and the base: a detached
 * `git worktree` under the run's temp dir, removed by `cleanup`.
 */
export async function prepareCheckouts(
  input: { ctx: RunContext; workingDirectory: string; baseRef: string; wantBase: boolean },
  deps: { runner: ProcessRunner; logger: Logger; fs: FileSystem }
): Promise<PreparedCheckouts> {
  const { ctx } = input
  const git = new Git(deps.runner, ctx.workspace)
  const headRepo = (await git.out(['rev-parse', '--show-toplevel'])).trim()
  // The module's place in the repository: the workspace need not be the repository root (the CLI).
  // git prints the real path; resolve symlinks (macOS /var → /private/var) before comparing.
  const moduleAbs = realpathOr(path.resolve(ctx.workspace, input.workingDirectory))
  const moduleDir = path.relative(headRepo, moduleAbs).split(path.sep).join('/')
  const head = await git.out(['rev-parse', 'HEAD'])
  const headSha = prHeadSha(ctx.payload) ?? head
  const checkouts: Checkouts = {
    headRepo,
    headDir: moduleAbs,
    headSha,
    baseRepo: null,
    baseDir: null,
    baseSha: null,
    baseUnavailableReason: 'not needed: races and benchmarks are off',
    changedFiles: null,
    moduleDir
  }
  const none = { checkouts, cleanup: async () => {} }
  if (!input.wantBase) return none

  const base = await resolveBaseCommit(git, ctx, input.baseRef)
  if (!base.sha) {
    checkouts.baseUnavailableReason = base.reason
    deps.logger.warning(
      `No base to compare with: ${base.reason}. Every race is reported as unclassified.`
    )
    return none
  }
  deps.logger.info(`Base: ${base.sha} (${base.how})`)
  checkouts.baseSha = base.sha
  const diff = await git.raw(['diff', '--name-only', '--no-renames', '-z', base.sha, head])
  checkouts.changedFiles = diff.exitCode === 0 ? diff.stdout.split('\0').filter(Boolean) : null

  const baseRepo = path.join(ctx.tempDir, `go-race-gc-guard-base-${randomBytes(4).toString('hex')}`)
  const add = await git.raw(['worktree', 'add', '--detach', '--force', baseRepo, base.sha])
  if (add.exitCode !== 0) {
    checkouts.baseUnavailableReason = `git worktree add failed: ${add.stderr.trim().slice(-300)}`
    deps.logger.warning(checkouts.baseUnavailableReason)
    return none
  }
  const cleanup = async (): Promise<void> => {
    await git.raw(['worktree', 'remove', '--force', baseRepo])
    await git.raw(['worktree', 'prune'])
  }
  const baseDir = path.join(baseRepo, moduleDir)
  if (!(await deps.fs.exists(path.join(baseDir, 'go.mod')))) {
    checkouts.baseUnavailableReason = `the base commit has no Go module at ${moduleDir || '.'}`
    deps.logger.warning(checkouts.baseUnavailableReason)
    await cleanup()
    return none
  }
  checkouts.baseRepo = baseRepo
  checkouts.baseDir = baseDir
  checkouts.baseUnavailableReason = null
  return { checkouts, cleanup }
}

function realpathOr(p: string): string {
  try {
    return realpathSync(p)
  } catch {
    return p
  }
}
