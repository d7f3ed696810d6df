import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseCliArgs } from '../../src/cli-args.js'
import { makeGitRepo } from '../harness/index.js'

const CLI = path.resolve('dist/cli/index.js')
const races = (name: string) => path.resolve('__tests__/testdata/e2e/races', name)

describe('CLI arguments', () => {
  it('maps flags to inputs, --base to base-ref, keeps empty values', () => {
    expect(
      parseCliArgs(['--dir', 'svc', '--base', 'main', '--bench=', '--gc-variants', '100,off'])
    ).toEqual({
      dir: 'svc',
      out: 'go-race-gc-guard-report.json',
      help: false,
      inputs: { 'base-ref': 'main', bench: '', 'gc-variants': '100,off' }
    })
  })
  it('refuses unknown flags, stray words and missing values', () => {
    expect(() => parseCliArgs(['--nope', '1'])).toThrow('unknown flag --nope')
    expect(() => parseCliArgs(['main'])).toThrow('unexpected argument "main"')
    expect(() => parseCliArgs(['--bench-count'])).toThrow('--bench-count needs a value')
  })
})

describe('dist/cli/index.js', () => {
  it('runs the pipeline on a local repository: markdown on stdout, JSON report, exit 1 on a new race', async () => {
    const repo = await makeGitRepo({
      baseFiles: races('base'),
      headFiles: races('head-new'),
      headMode: 'overlay'
    })
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'grgg-cli-')), 'report.json')
    const r = spawnSync(
      process.execPath,
      [CLI, '--dir', repo.dir, '--base', 'main', '--bench', '', '--out', out],
      {
        encoding: 'utf8',
        timeout: 300_000
      }
    )
    expect(r.status, r.stderr).toBe(1)
    expect(r.stdout).toMatch(/^## ❌ \d+ new data races?/m)
    expect(r.stderr).toMatch(/go-race-gc-guard: FAIL/)
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      repo: { baseSha: string }
      verdict: { status: string }
    }
    expect(report.repo.baseSha).toBe(repo.baseSha)
    expect(report.verdict.status).toBe('fail')
  })
})
