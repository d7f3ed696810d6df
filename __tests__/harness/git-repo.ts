/**
 * Builds a real git repository for end-to-end tests: a base commit on `main`, a head commit on
 * `feature`, head checked out. Author, committer and dates are fixed so SHAs are deterministic
 * for the same file contents.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** File path → content, or a directory to copy. */
export type TreeSpec = Record<string, string> | string

export interface GitRepo {
  dir: string
  baseSha: string
  headSha: string
}

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.com',
  GIT_COMMITTER_NAME: 'Test Author',
  GIT_COMMITTER_EMAIL: 'author@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null'
}

/** Run git in `dir` with the fixed identity; returns trimmed stdout. */
export function git(dir: string, args: string[], date = '2026-01-01T00:00:00Z'): string {
  return execFileSync('git', args, {
    cwd: dir,
    env: { ...process.env, ...GIT_ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  }).trim()
}

function writeTree(dir: string, spec: TreeSpec): void {
  if (typeof spec === 'string') {
    fs.cpSync(spec, dir, { recursive: true })
    return
  }
  for (const [rel, content] of Object.entries(spec)) {
    const file = path.join(dir, rel)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, content)
  }
}

function clearTree(dir: string): void {
  for (const e of fs.readdirSync(dir)) {
    if (e !== '.git') fs.rmSync(path.join(dir, e), { recursive: true, force: true })
  }
}

/**
 * Create the repository. `headFiles` replaces the whole tree by default (`headMode: 'replace'`,
 * so a file missing from head is deleted); with `'overlay'` it only adds/overwrites files.
 */
export function makeGitRepo(opts: {
  baseFiles: TreeSpec
  headFiles: TreeSpec
  headMode?: 'replace' | 'overlay'
  /** Parent directory (default: a fresh temp dir). */
  parent?: string
}): Promise<GitRepo> {
  const parent = opts.parent ?? fs.mkdtempSync(path.join(os.tmpdir(), 'grgg-repo-'))
  const dir = path.join(parent, 'workspace')
  fs.mkdirSync(dir, { recursive: true })
  git(dir, ['init', '-q', '-b', 'main'])
  writeTree(dir, opts.baseFiles)
  git(dir, ['add', '-A'])
  git(dir, ['commit', '-q', '--allow-empty', '-m', 'base'])
  const baseSha = git(dir, ['rev-parse', 'HEAD'])
  git(dir, ['checkout', '-q', '-b', 'feature'])
  if ((opts.headMode ?? 'replace') === 'replace') clearTree(dir)
  writeTree(dir, opts.headFiles)
  git(dir, ['add', '-A'])
  git(dir, ['commit', '-q', '--allow-empty', '-m', 'head'], '2026-01-02T00:00:00Z')
  const headSha = git(dir, ['rev-parse', 'HEAD'])
  return Promise.resolve({ dir, baseSha, headSha })
}

/** The smallest Go module with a test: for runs where only Go setup or publishing matters. */
export const PLAIN_MODULE: Readonly<Record<string, string>> = {
  'go.mod': 'module example.com/plain\n\ngo 1.22\n',
  'plain_test.go': 'package plain\n\nimport "testing"\n\nfunc TestPlain(t *testing.T) {}\n'
}
