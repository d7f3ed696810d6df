import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { nodeFileSystem } from '../../src/adapters/node-fs.js'
import { NodeProcessRunner } from '../../src/adapters/process-runner.js'
import type { RunContext } from '../../src/domain/context.js'
import { prepareCheckouts } from '../../src/git/checkouts.js'
import type { Logger } from '../../src/ports.js'

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com'
    }
  }).trim()

const logger: Logger & { lines: string[] } = {
  lines: [],
  info(m) {
    this.lines.push(m)
  },
  warning(m) {
    this.lines.push(`warning: ${m}`)
  },
  error(m) {
    this.lines.push(`error: ${m}`)
  },
  notice() {},
  debug() {},
  group: (_n, fn) => fn()
}
const deps = {
  runner: new NodeProcessRunner(process.env, { write: () => {} }),
  logger,
  fs: nodeFileSystem
}

/** origin: main with base commit; feature adds a file; main then moves on. */
function makeOrigin(): {
  origin: string
  base: string
  head: string
  mainTip: string
  merge: string
} {
  const origin = mkdtempSync(path.join(os.tmpdir(), 'grgg-origin-'))
  git(origin, 'init', '-q', '-b', 'main')
  mkdirSync(path.join(origin, 'mod'))
  writeFileSync(path.join(origin, 'mod', 'go.mod'), 'module example.com/m\n\ngo 1.22\n')
  writeFileSync(path.join(origin, 'mod', 'a.go'), 'package m\n')
  git(origin, 'add', '.')
  git(origin, 'commit', '-q', '-m', 'base')
  const base = git(origin, 'rev-parse', 'HEAD')
  git(origin, 'checkout', '-q', '-b', 'feature')
  writeFileSync(path.join(origin, 'mod', 'b.go'), 'package m\n')
  git(origin, 'add', '.')
  git(origin, 'commit', '-q', '-m', 'head')
  const head = git(origin, 'rev-parse', 'HEAD')
  git(origin, 'checkout', '-q', 'main')
  writeFileSync(path.join(origin, 'README'), 'main moved on\n')
  git(origin, 'add', '.')
  git(origin, 'commit', '-q', '-m', 'main moves')
  const mainTip = git(origin, 'rev-parse', 'HEAD')
  // What GitHub builds as refs/pull/1/merge.
  git(origin, 'checkout', '-q', '--detach', mainTip)
  git(origin, 'merge', '-q', '--no-ff', '-m', 'merge', head)
  const merge = git(origin, 'rev-parse', 'HEAD')
  git(origin, 'update-ref', 'refs/pull/1/merge', merge)
  git(origin, 'checkout', '-q', 'main')
  return { origin, base, head, mainTip, merge }
}

function ctxFor(
  workspace: string,
  eventName: string,
  payload: Record<string, unknown>
): RunContext {
  return {
    eventName,
    payload,
    workspace,
    tempDir: mkdtempSync(path.join(os.tmpdir(), 'grgg-temp-')),
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    owner: 'o',
    repo: 'r',
    runId: '1',
    runAttempt: '1',
    job: 'j',
    sha: ''
  }
}

const pr = (o: { base: string; head: string; mainTip: string }) => ({
  pull_request: {
    number: 1,
    base: { sha: o.mainTip, ref: 'main' },
    head: { sha: o.head, ref: 'feature' }
  }
})

describe('prepareCheckouts', () => {
  it('depth-1 checkout of the PR merge commit: fetches and compares with the base it was merged onto', async () => {
    const o = makeOrigin()
    const ws = mkdtempSync(path.join(os.tmpdir(), 'grgg-ws-'))
    git(ws, 'init', '-q')
    git(ws, 'remote', 'add', 'origin', `file://${o.origin}`)
    git(ws, 'fetch', '-q', '--depth=1', 'origin', 'refs/pull/1/merge')
    git(ws, 'checkout', '-q', '--detach', 'FETCH_HEAD')
    expect(git(ws, 'rev-parse', '--is-shallow-repository')).toBe('true')

    const ctx = ctxFor(ws, 'pull_request', pr(o))
    const p = await prepareCheckouts(
      { ctx, workingDirectory: 'mod', baseRef: '', wantBase: true },
      deps
    )
    const c = p.checkouts
    expect(c.baseSha).toBe(o.mainTip)
    expect(c.headSha).toBe(o.head)
    expect(c.moduleDir).toBe('mod')
    expect(c.changedFiles).toEqual(['mod/b.go'])
    expect(c.baseDir).toBe(path.join(c.baseRepo!, 'mod'))
    expect(c.baseRepo!.startsWith(ctx.tempDir)).toBe(true)
    expect(existsSync(path.join(c.baseDir!, 'a.go'))).toBe(true)
    expect(existsSync(path.join(c.baseDir!, 'b.go'))).toBe(false)
    // The user's workspace is untouched.
    expect(git(ws, 'rev-parse', 'HEAD')).toBe(o.merge)
    expect(git(ws, 'status', '--porcelain')).toBe('')
    await p.cleanup()
    expect(existsSync(c.baseRepo!)).toBe(false)
    expect(git(ws, 'worktree', 'list')).not.toContain(c.baseRepo!)
  })

  it('PR head checked out: compares with the merge-base', async () => {
    const o = makeOrigin()
    const ws = mkdtempSync(path.join(os.tmpdir(), 'grgg-ws-'))
    git(ws, 'init', '-q')
    git(ws, 'remote', 'add', 'origin', `file://${o.origin}`)
    git(ws, 'fetch', '-q', '--depth=1', 'origin', 'feature')
    git(ws, 'checkout', '-q', '--detach', 'FETCH_HEAD')
    const p = await prepareCheckouts(
      {
        ctx: ctxFor(ws, 'pull_request', pr(o)),
        workingDirectory: 'mod',
        baseRef: '',
        wantBase: true
      },
      deps
    )
    expect(p.checkouts.baseSha).toBe(o.base)
    expect(p.checkouts.changedFiles).toEqual(['mod/b.go'])
    await p.cleanup()
  })

  it('push: compares with before; a new branch has no base and says why', async () => {
    const o = makeOrigin()
    const ws = mkdtempSync(path.join(os.tmpdir(), 'grgg-ws-'))
    git(ws, 'clone', '-q', `file://${o.origin}`, '.')
    git(ws, 'checkout', '-q', 'feature')
    const p = await prepareCheckouts(
      {
        ctx: ctxFor(ws, 'push', { before: o.base }),
        workingDirectory: '.',
        baseRef: '',
        wantBase: true
      },
      deps
    )
    expect(p.checkouts.baseSha).toBe(o.base)
    expect(p.checkouts.moduleDir).toBe('')
    await p.cleanup()
    const q = await prepareCheckouts(
      {
        ctx: ctxFor(ws, 'push', { before: '0'.repeat(40) }),
        workingDirectory: '.',
        baseRef: '',
        wantBase: true
      },
      deps
    )
    expect(q.checkouts.baseDir).toBeNull()
    expect(q.checkouts.baseUnavailableReason).toContain('created the branch')
  })

  it('base-ref names exactly the commit to compare with', async () => {
    const o = makeOrigin()
    const ws = mkdtempSync(path.join(os.tmpdir(), 'grgg-ws-'))
    git(ws, 'clone', '-q', `file://${o.origin}`, '.')
    git(ws, 'checkout', '-q', 'feature')
    const p = await prepareCheckouts(
      {
        ctx: ctxFor(ws, 'workflow_dispatch', {}),
        workingDirectory: 'mod',
        baseRef: 'main',
        wantBase: true
      },
      deps
    )
    expect(p.checkouts.baseSha).toBe(o.mainTip)
    expect(readFileSync(path.join(p.checkouts.baseRepo!, 'README'), 'utf8')).toContain('moved on')
    await p.cleanup()
    const q = await prepareCheckouts(
      {
        ctx: ctxFor(ws, 'workflow_dispatch', {}),
        workingDirectory: 'mod',
        baseRef: 'no-such-branch',
        wantBase: true
      },
      deps
    )
    expect(q.checkouts.baseUnavailableReason).toContain('"no-such-branch" is not a branch')
  })

  it('a base without the module is no base, with the reason', async () => {
    const o = makeOrigin()
    const ws = mkdtempSync(path.join(os.tmpdir(), 'grgg-ws-'))
    git(ws, 'clone', '-q', `file://${o.origin}`, '.')
    git(ws, 'checkout', '-q', 'feature')
    mkdirSync(path.join(ws, 'newmod'))
    writeFileSync(path.join(ws, 'newmod', 'go.mod'), 'module example.com/n\n')
    git(ws, 'add', '.')
    git(ws, 'commit', '-q', '-m', 'new module')
    const p = await prepareCheckouts(
      {
        ctx: ctxFor(ws, 'push', { before: o.head }),
        workingDirectory: 'newmod',
        baseRef: '',
        wantBase: true
      },
      deps
    )
    expect(p.checkouts.baseDir).toBeNull()
    expect(p.checkouts.baseUnavailableReason).toContain('no Go module at newmod')
  })
})
