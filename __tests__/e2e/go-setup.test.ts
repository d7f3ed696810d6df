import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  makeGitRepo,
  PLAIN_MODULE,
  runAction,
  startFakeServer,
  type FakeServer
} from '../harness/index.js'

const files = (toolchain = ''): Record<string, string> => ({
  ...PLAIN_MODULE,
  'go.mod': `${PLAIN_MODULE['go.mod']}${toolchain}`
})
// Only Go setup matters here: no race runs, no benchmarks, no comment.
const quiet = { race: 'false', bench: '', comment: 'false', cache: 'false' }

let fake: FakeServer
beforeAll(async () => {
  fake = await startFakeServer()
})
afterAll(async () => {
  await fake.close()
})

const downloads = (r: { requests: { method: string; path: string }[] }) =>
  r.requests.filter((q) => q.method === 'GET' && q.path.includes('.tar.gz'))

describe('Go setup through dist/index.js', () => {
  it('reads the toolchain directive of go.mod, downloads it, verifies sha256 and caches it', async () => {
    const repo = await makeGitRepo({
      baseFiles: files(),
      headFiles: files('\ntoolchain go1.25.9\n')
    })
    const r = await runAction({
      workspace: repo.dir,
      fake,
      inputs: { ...quiet, 'go-version-file': 'go.mod', 'go-download-base-url': fake.goDownloadUrl }
    })
    expect(r.exitCode, r.stdout).toBe(0)
    expect(r.stdout).toMatch(/Go 1\.25\.9 downloaded/)
    expect(downloads(r).map((q) => q.path)).toEqual(['/dl/go1.25.9.linux-amd64.tar.gz'])
    // Cached for the next run, added to PATH for later steps, GOTOOLCHAIN pinned.
    expect(r.addedPath.some((p) => p.startsWith(path.join(r.toolCache, 'go', '1.25.9')))).toBe(true)
    expect(r.exportedEnv.GOTOOLCHAIN).toBe('local')
    expect(r.outputs.verdict).toBe('pass')

    // Second run with the same tool cache: a hit, nothing downloaded.
    const again = await runAction({
      workspace: repo.dir,
      fake,
      env: { RUNNER_TOOL_CACHE: r.toolCache },
      inputs: { ...quiet, 'go-version': '1.25.9', 'go-download-base-url': fake.goDownloadUrl }
    })
    expect(again.exitCode, again.stdout).toBe(0)
    expect(downloads(again)).toEqual([])
    expect(again.stdout).toMatch(/tool cache/i)
  })

  it('reuses the go on PATH when it matches, without touching the download site', async () => {
    const repo = await makeGitRepo({ baseFiles: files(), headFiles: files() })
    const r = await runAction({
      workspace: repo.dir,
      fake,
      inputs: { ...quiet, 'go-version': '1.26', 'go-download-base-url': fake.goDownloadUrl }
    })
    expect(r.exitCode, r.stdout).toBe(0)
    expect(r.requests.filter((q) => q.path.startsWith('/dl'))).toEqual([])
    expect(r.stdout).toMatch(/::group::Set up Go\nGo 1\.26\.\d+ already on PATH/)
  })

  it('refuses a tampered archive', async () => {
    fake.goDl.setVersions([{ version: '1.25.9', tampered: true }, { version: '1.26.8' }])
    try {
      const repo = await makeGitRepo({ baseFiles: files(), headFiles: files() })
      const r = await runAction({
        workspace: repo.dir,
        fake,
        inputs: { ...quiet, 'go-version': '1.25.9', 'go-download-base-url': fake.goDownloadUrl }
      })
      expect(r.exitCode).toBe(1)
      expect(r.stdout).toMatch(/sha256/i)
      expect(r.outputs.verdict).toBe('incomplete')
    } finally {
      fake.goDl.setVersions([{ version: '1.26.8' }, { version: '1.25.9' }])
    }
  })

  it('refuses an unknown version clearly', async () => {
    const repo = await makeGitRepo({ baseFiles: files(), headFiles: files() })
    const r = await runAction({
      workspace: repo.dir,
      fake,
      inputs: { ...quiet, 'go-version': '1.19.99', 'go-download-base-url': fake.goDownloadUrl }
    })
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toContain('1.19.99')
    expect(r.stdout).toMatch(/1\.26\.8|1\.25\.9/)
  })
})
