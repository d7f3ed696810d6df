import { mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  FAKE_SECRETS,
  makeGitRepo,
  runAction,
  startFakeServer,
  type FakeServer
} from '../harness/index.js'

const probe = path.resolve('__tests__/testdata/e2e/envprobe')
const FORBIDDEN_NAMES = [
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_CACHE_URL',
  'GITHUB_OUTPUT',
  'GITHUB_ENV',
  'GITHUB_PATH',
  'GITHUB_STATE',
  'GITHUB_STEP_SUMMARY'
]

let fake: FakeServer
beforeAll(async () => {
  fake = await startFakeServer()
})
afterAll(async () => {
  await fake.close()
})

describe('Go processes never see secrets or file-command paths', () => {
  it('the probe test and benchmark binaries, on head and base, see none of them', async () => {
    const repo = await makeGitRepo({ baseFiles: probe, headFiles: probe })
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'grgg-probe-')), 'env.txt')
    const r = await runAction({
      workspace: repo.dir,
      fake,
      inputs: {
        'race-base': 'full',
        'bench-count': '1',
        benchtime: '1x',
        'gc-variants': '100',
        profiles: '',
        comment: 'false',
        cache: 'false'
      },
      env: { ENV_PROBE_OUT: out, DATABASE_URL: 'postgres://ci@localhost/test' }
    })
    expect(r.exitCode, r.stdout + r.stderr).toBe(0)
    const dumps = readFileSync(out, 'utf8')
      .split('\n--\n')
      .filter((d) => d.trim() !== '')
    // Head race run, base race run, and benchmark runs on both sides.
    expect(dumps.length).toBeGreaterThanOrEqual(4)
    for (const dump of dumps) {
      const names = dump.split('\n').map((l) => l.split('=')[0])
      for (const secret of FAKE_SECRETS) expect(dump).not.toContain(secret)
      for (const name of FORBIDDEN_NAMES) expect(names).not.toContain(name)
      expect(names.filter((n) => n.startsWith('INPUT_'))).toEqual([])
      // Everything else passes through.
      expect(dump).toContain('DATABASE_URL=postgres://ci@localhost/test')
      expect(dump).toContain('GOTOOLCHAIN=local')
    }
  })
})
