#!/usr/bin/env node
// npm run demo: builds a throwaway git repository from examples/demo (a base commit on main and a
// head commit on a feature branch), runs the bundled CLI on it and prints the report.
// The head adds a data race, moves a pre-existing one down the file, and makes a benchmark
// allocate in a loop that used to reuse a buffer.
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const example = path.join(root, 'examples', 'demo')
const repo = mkdtempSync(path.join(os.tmpdir(), 'go-race-gc-guard-demo-'))
const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'demo',
  GIT_AUTHOR_EMAIL: 'demo@example.com',
  GIT_COMMITTER_NAME: 'demo',
  GIT_COMMITTER_EMAIL: 'demo@example.com'
}
const git = (...args) => execFileSync('git', args, { cwd: repo, env: gitEnv, stdio: 'pipe' })

git('init', '-q', '-b', 'main')
cpSync(path.join(example, 'base'), repo, { recursive: true })
git('add', '-A')
git('commit', '-q', '-m', 'base')
git('checkout', '-q', '-b', 'feature')
// head/ holds only the files the PR changes.
cpSync(path.join(example, 'head'), repo, { recursive: true })
git('add', '-A')
git('commit', '-q', '-m', 'head')

const extra = process.argv.slice(2)
process.stderr.write(`Demo repository: ${repo} (main = base, feature = head)\n\n`)
const r = spawnSync(
  process.execPath,
  [
    path.join(root, 'dist', 'cli', 'index.js'),
    '--dir',
    repo,
    '--base',
    'main',
    '--out',
    path.join(repo, '..', `${path.basename(repo)}-report.json`),
    '--bench-count',
    '6',
    '--benchtime',
    '50ms',
    ...extra
  ],
  { stdio: 'inherit' }
)
// The demo's head is meant to fail the check: exit 0 when the tool ran and said so.
process.exitCode = r.status === 0 || r.status === 1 ? 0 : (r.status ?? 1)
