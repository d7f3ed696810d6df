/**
 * setupGo with the real adapters (@actions/tool-cache, fetch) against a loopback Go download site,
 * a real tarball and real `tar` extraction.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createHttpPort,
  createLocalEnvPort,
  createToolCachePort
} from '../../src/toolchain/adapters.js'
import { ChecksumMismatchError, UnknownGoVersionError } from '../../src/toolchain/errors.js'
import { setupGo, type SetupGoDeps } from '../../src/toolchain/setup.js'
import { FakeLogger, tempDir } from './fakes.js'
import {
  buildFakeGoTarball,
  releaseEntry,
  spawnRunner,
  startFakeGoSite,
  type FakeGoSite
} from './loopback.js'

describe.skipIf(process.platform === 'win32')('setupGo against a loopback go.dev', () => {
  let site: FakeGoSite
  let root: string
  const saved = { temp: process.env.RUNNER_TEMP, cache: process.env.RUNNER_TOOL_CACHE }

  beforeAll(async () => {
    root = await tempDir('real')
    // @actions/tool-cache reads these from process.env at call time.
    process.env.RUNNER_TEMP = join(root, 'temp')
    process.env.RUNNER_TOOL_CACHE = join(root, 'toolcache')
    mkdirSync(process.env.RUNNER_TEMP, { recursive: true })
    site = await startFakeGoSite()
    const good = buildFakeGoTarball(root, '1.99.1')
    const other = buildFakeGoTarball(root, '1.99.0')
    site.files.set('go1.99.1.linux-amd64.tar.gz', good.bytes)
    site.files.set('go1.99.0.linux-amd64.tar.gz', other.bytes)
    site.releases = [
      releaseEntry('1.99.1', good.bytes),
      // The mirror serves bytes that do not match the published sha256.
      releaseEntry('1.99.0', other.bytes, 'f'.repeat(64)),
      // Listed, but the archive is missing on the server.
      releaseEntry('1.98.5', good.bytes)
    ]
  })

  afterAll(async () => {
    await site.close()
    for (const [k, v] of [
      ['RUNNER_TEMP', saved.temp],
      ['RUNNER_TOOL_CACHE', saved.cache]
    ] as const) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  })

  const deps = (logger: FakeLogger, env: NodeJS.ProcessEnv): SetupGoDeps => ({
    runner: spawnRunner,
    logger,
    toolCache: createToolCachePort(process.env),
    http: createHttpPort({ retryDelayMs: 10 }),
    actionsEnv: createLocalEnvPort(env),
    env,
    platform: 'linux',
    arch: 'x64'
  })
  const input = (goVersion: string) => ({
    config: { goVersion, goVersionFile: '', goDownloadBaseUrl: site.baseUrl },
    workspace: root
  })

  it('downloads, verifies, extracts and caches; the second run hits the tool cache', async () => {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, RUNNER_TEMP: process.env.RUNNER_TEMP }
    site.failListTimes = 1 // one 503 first: the list fetch retries
    const logger = new FakeLogger()
    const first = await setupGo(input('1.99'), deps(logger, env))

    const cached = join(process.env.RUNNER_TOOL_CACHE as string, 'go', '1.99.1', 'x64')
    expect(first).toEqual({
      goRoot: cached,
      goBin: join(cached, 'bin'),
      version: '1.99.1',
      source: 'download',
      versionLine: 'go version go1.99.1 linux/amd64'
    })
    expect(existsSync(`${cached}.complete`)).toBe(true)
    expect(existsSync(join(cached, 'VERSION'))).toBe(true)
    expect(env.PATH?.split(':')[0]).toBe(first.goBin)
    expect(env.GOTOOLCHAIN).toBe('local')
    expect(site.requests).toEqual([
      '/dl/?mode=json&include=all',
      '/dl/?mode=json&include=all',
      '/dl/go1.99.1.linux-amd64.tar.gz'
    ])
    expect(logger.lines[0]).toBe(`info: Go 1.99.1 downloaded: ${cached}`)

    site.requests.length = 0
    const second = await setupGo(input('1.99.1'), deps(new FakeLogger(), env))
    expect(second).toMatchObject({ goRoot: cached, source: 'tool-cache', version: '1.99.1' })
    expect(site.requests).toEqual([])
  })

  it('refuses a tampered archive and caches nothing', async () => {
    const err = await setupGo(input('1.99.0'), deps(new FakeLogger(), {})).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ChecksumMismatchError)
    expect((err as ChecksumMismatchError).expected).toBe('f'.repeat(64))
    expect((err as Error).message).toContain(`${site.baseUrl}/go1.99.0.linux-amd64.tar.gz`)
    expect(existsSync(join(process.env.RUNNER_TOOL_CACHE as string, 'go', '1.99.0'))).toBe(false)
  })

  it('fails at once on a missing archive and clearly on an unknown version', async () => {
    const missing = setupGo(input('1.98.5'), deps(new FakeLogger(), {}))
    await expect(missing).rejects.toThrow('404')
    const unknown = setupGo(input('1.97'), deps(new FakeLogger(), {}))
    await expect(unknown).rejects.toBeInstanceOf(UnknownGoVersionError)
    await expect(unknown).rejects.toThrow(
      `No Go release matches "1.97" for linux/amd64 at ${site.baseUrl}/?mode=json&include=all. ` +
        'Available near it: 1.99.1, 1.99.0, 1.98.5.'
    )
  })
  it('the HTTP adapter does not retry a 404', async () => {
    site.requests.length = 0
    const http = createHttpPort({ retryDelayMs: 10 })
    await expect(http.getJson(`${site.baseUrl}/nope.json`)).rejects.toThrow(
      `GET ${site.baseUrl}/nope.json answered 404 Not Found`
    )
    expect(site.requests).toEqual(['/dl/nope.json'])
  })
})
