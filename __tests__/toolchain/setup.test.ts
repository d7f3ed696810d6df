import { createHash } from 'node:crypto'
import { copyFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  ChecksumMismatchError,
  GoNotFoundError,
  InvalidGoVersionError,
  UnknownGoVersionError
} from '../../src/toolchain/errors.js'
import type { GoRelease } from '../../src/toolchain/resolve.js'
import { setupGo, type SetupGoDeps } from '../../src/toolchain/setup.js'
import {
  FakeActionsEnv,
  FakeHttp,
  FakeLogger,
  FakeRunner,
  FakeToolCache,
  ok,
  tempDir
} from './fakes.js'

const BASE = 'http://127.0.0.1:9/dl'
const LIST = `${BASE}/?mode=json&include=all`
const sample = readFileSync(join(import.meta.dirname, 'data', 'go-dl-sample.json'), 'utf8')
const versionFiles = join(import.meta.dirname, '..', 'testdata', 'toolchain', 'versionfiles')

/** The sample list with the sha256 of `filename` set to the bytes we serve for it. */
function listServing(filename: string, bytes: Buffer): GoRelease[] {
  const list = JSON.parse(sample) as GoRelease[]
  for (const r of list) {
    for (const f of r.files) {
      if (f.filename === filename) f.sha256 = createHash('sha256').update(bytes).digest('hex')
    }
  }
  return list
}

const config = (goVersion = '', goVersionFile = '') => ({
  goVersion,
  goVersionFile,
  goDownloadBaseUrl: `${BASE}/`
})

describe('setupGo with fake ports', () => {
  let root: string
  let workspace: string
  let logger: FakeLogger
  let toolCache: FakeToolCache
  let actionsEnv: FakeActionsEnv
  let env: NodeJS.ProcessEnv
  const archive = Buffer.from('pretend this is go1.26.8.linux-amd64.tar.gz')
  const archiveUrl = `${BASE}/go1.26.8.linux-amd64.tar.gz`

  beforeEach(async () => {
    root = await tempDir('setup')
    workspace = join(root, 'ws')
    logger = new FakeLogger()
    toolCache = new FakeToolCache(root, { [archiveUrl]: archive })
    actionsEnv = new FakeActionsEnv()
    env = { RUNNER_TEMP: root, PATH: '/usr/bin' }
  })

  const deps = (runner: FakeRunner, http = new FakeHttp({})): SetupGoDeps => ({
    runner,
    logger,
    toolCache,
    http,
    actionsEnv,
    env,
    platform: 'linux',
    arch: 'x64'
  })
  const cachedGo = (semver: string) => join(root, 'cache', 'go', semver, 'x64', 'bin', 'go')

  it('reads go.mod `toolchain`, downloads, verifies sha256 and caches', async () => {
    const { mkdirSync } = await import('node:fs')
    mkdirSync(workspace, { recursive: true })
    copyFileSync(join(versionFiles, 'toolchain', 'go.mod'), join(workspace, 'go.mod'))
    const runner = new FakeRunner({
      'go version': ok('go version go1.25.3 linux/amd64\n'), // on PATH, but not 1.26.8
      [`${cachedGo('1.26.8')} version`]: ok('go version go1.26.8 linux/amd64\n')
    })
    const http = new FakeHttp({ [LIST]: listServing('go1.26.8.linux-amd64.tar.gz', archive) })

    const go = await setupGo({ config: config('', 'go.mod'), workspace }, deps(runner, http))

    expect(go).toEqual({
      goRoot: join(root, 'cache', 'go', '1.26.8', 'x64'),
      goBin: join(root, 'cache', 'go', '1.26.8', 'x64', 'bin'),
      version: '1.26.8',
      source: 'download',
      versionLine: 'go version go1.26.8 linux/amd64'
    })
    expect(http.requests).toEqual([LIST])
    expect(toolCache.downloads).toEqual([archiveUrl])
    expect(toolCache.extracted).toHaveLength(1)
    expect(toolCache.cached.get('1.26.8/x64')).toBe(go.goRoot)
    expect(actionsEnv.paths).toEqual([go.goBin])
    expect(actionsEnv.exported).toEqual({ GOTOOLCHAIN: 'local' })
    expect(env.GOTOOLCHAIN).toBe('local')
    // Every go run is pinned to the local toolchain.
    expect(runner.calls.every((c) => c.env?.GOTOOLCHAIN === 'local')).toBe(true)
    expect(logger.lines[0]).toBe(`info: Go 1.26.8 downloaded: ${go.goRoot}`)
    expect(logger.of('info')).toContain('Requested Go 1.26.8 (go-version-file go.mod)')
    expect(logger.lines.some((l) => l.startsWith('info: sha256 verified: '))).toBe(true)
  })

  it('refuses a tampered archive, naming expected and actual sha256', async () => {
    const list = listServing('go1.26.8.linux-amd64.tar.gz', Buffer.from('the real archive'))
    const runner = new FakeRunner({})
    const http = new FakeHttp({ [LIST]: list })
    const err = await setupGo({ config: config('1.26.8'), workspace }, deps(runner, http)).catch(
      (e: unknown) => e
    )
    expect(err).toBeInstanceOf(ChecksumMismatchError)
    const expected = createHash('sha256').update('the real archive').digest('hex')
    const actual = createHash('sha256').update(archive).digest('hex')
    expect((err as Error).message).toBe(
      `sha256 mismatch for ${archiveUrl}: expected ${expected}, got ${actual}. ` +
        'The archive was refused (corrupted download or tampered mirror).'
    )
    expect(toolCache.extracted).toEqual([])
    expect(toolCache.cached.size).toBe(0)
    expect(actionsEnv.paths).toEqual([])
  })

  it('uses the newest matching Go from the tool cache without any network', async () => {
    toolCache.preinstall('1.26.7', 'x64')
    toolCache.preinstall('1.26.8', 'x64')
    toolCache.preinstall('1.27.0-rc.1', 'x64')
    const runner = new FakeRunner({
      [`${cachedGo('1.26.8')} version`]: ok('go version go1.26.8 linux/amd64\n')
    })
    const http = new FakeHttp({})
    const go = await setupGo({ config: config('1.26'), workspace }, deps(runner, http))
    expect(go.source).toBe('tool-cache')
    expect(go.version).toBe('1.26.8')
    expect(http.requests).toEqual([])
    expect(toolCache.downloads).toEqual([])
    expect(actionsEnv.paths).toEqual([go.goBin])
    expect(logger.lines[0]).toBe(`info: Go 1.26.8 from the runner tool cache: ${go.goRoot}`)
  })

  it('reuses the go on PATH when it matches', async () => {
    toolCache.preinstall('1.25.4', 'x64')
    const runner = new FakeRunner({
      'go version': ok('go version go1.26.8 linux/amd64\n'),
      'go env GOROOT': ok('/usr/local/go\n')
    })
    const http = new FakeHttp({})
    const go = await setupGo({ config: config('>=1.26'), workspace }, deps(runner, http))
    expect(go).toMatchObject({ goRoot: '/usr/local/go', version: '1.26.8', source: 'path' })
    expect(go.goBin).toBe(join('/usr/local/go', 'bin'))
    expect(http.requests).toEqual([])
    expect(actionsEnv.paths).toEqual([])
    expect(logger.lines[0]).toBe('info: Go 1.26.8 already on PATH: /usr/local/go')
  })

  it('with no version requested uses the go on PATH, or says how to ask for one', async () => {
    const runner = new FakeRunner({
      'go version': ok('go version go1.24.10 linux/amd64\n'),
      'go env GOROOT': ok('/opt/go\n')
    })
    expect(await setupGo({ config: config(), workspace }, deps(runner))).toMatchObject({
      version: '1.24.10',
      source: 'path'
    })
    const none = setupGo({ config: config(), workspace }, deps(new FakeRunner({})))
    await expect(none).rejects.toBeInstanceOf(GoNotFoundError)
    await expect(none).rejects.toThrow('Set go-version (e.g. "stable" or "1.26")')
  })

  it('refuses an unknown version, listing the closest available ones', async () => {
    const runner = new FakeRunner({ 'go version': ok('go version go1.26.8 linux/amd64\n') })
    const http = new FakeHttp({ [LIST]: JSON.parse(sample) })
    const err = await setupGo({ config: config('1.99.1'), workspace }, deps(runner, http)).catch(
      (e: unknown) => e as Error
    )
    expect(err).toBeInstanceOf(UnknownGoVersionError)
    expect((err as Error).message).toBe(
      `No Go release matches "1.99.1" for linux/amd64 at ${LIST}. ` +
        'Available near it: 1.26.8, 1.26.7, 1.25.4, 1.25.3, 1.24.10, 1.21.0.'
    )
    expect(toolCache.downloads).toEqual([])
    // The narrative leading up to the error is still logged.
    expect(logger.of('info')).toContain('Go on PATH is 1.26.8, not 1.99.1')
  })

  it('resolves stable/oldstable from the list, then finds them in the tool cache', async () => {
    toolCache.preinstall('1.25.4', 'x64')
    const runner = new FakeRunner({
      [`${cachedGo('1.25.4')} version`]: ok('go version go1.25.4 linux/amd64\n')
    })
    const http = new FakeHttp({ [LIST]: JSON.parse(sample) })
    const go = await setupGo({ config: config('oldstable'), workspace }, deps(runner, http))
    expect(go).toMatchObject({ version: '1.25.4', source: 'tool-cache' })
    expect(logger.of('info')).toContain('oldstable is Go 1.25.4')
  })

  it('go-version wins over go-version-file, with a warning; bad specs are refused', async () => {
    toolCache.preinstall('1.24.10', 'x64')
    const runner = new FakeRunner({
      [`${cachedGo('1.24.10')} version`]: ok('go version go1.24.10 linux/amd64\n')
    })
    const go = await setupGo({ config: config('1.24', 'go.mod'), workspace }, deps(runner))
    expect(go.version).toBe('1.24.10')
    expect(logger.of('warning')).toEqual([
      'Both go-version and go-version-file are set; using go-version (1.24).'
    ])
    const bad = setupGo({ config: config('latest'), workspace }, deps(runner))
    await expect(bad).rejects.toBeInstanceOf(InvalidGoVersionError)
    await expect(bad).rejects.toThrow('go-version: "latest" is not a Go version spec (a Go version')
  })

  it('user GOTOOLCHAIN=local makes the go line count; other values are replaced', async () => {
    toolCache.preinstall('1.25.4', 'x64')
    toolCache.preinstall('1.26.8', 'x64')
    const runner = new FakeRunner({
      [`${cachedGo('1.25.4')} version`]: ok('go version go1.25.4 linux/amd64\n'),
      [`${cachedGo('1.26.8')} version`]: ok('go version go1.26.8 linux/amd64\n')
    })
    const readFile = async () => 'module m\n\ngo 1.25\n\ntoolchain go1.26.8\n'
    env.GOTOOLCHAIN = 'local'
    const local = await setupGo(
      { config: config('', 'go.mod'), workspace },
      { ...deps(runner), readFile }
    )
    expect(local.version).toBe('1.25.4')

    env.GOTOOLCHAIN = 'go1.27.0+auto'
    const auto = await setupGo(
      { config: config('', 'go.mod'), workspace },
      { ...deps(runner), readFile }
    )
    expect(auto.version).toBe('1.26.8')
    expect(env.GOTOOLCHAIN).toBe('local')
    expect(logger.of('warning')).toEqual([
      'GOTOOLCHAIN=go1.27.0+auto replaced by GOTOOLCHAIN=local: this action pins Go.'
    ])
  })

  it('on Windows downloads the .zip and runs go.exe', async () => {
    const zip = Buffer.from('pretend zip')
    const url = `${BASE}/go1.26.8.windows-amd64.zip`
    toolCache.served[url] = zip
    const goExe = join(root, 'cache', 'go', '1.26.8', 'x64', 'bin', 'go.exe')
    const runner = new FakeRunner({ [`${goExe} version`]: ok('go version go1.26.8 windows/amd64') })
    const http = new FakeHttp({ [LIST]: listServing('go1.26.8.windows-amd64.zip', zip) })
    const go = await setupGo(
      { config: config('1.26.8'), workspace },
      { ...deps(runner, http), platform: 'win32' }
    )
    expect(go.source).toBe('download')
    expect(toolCache.downloads).toEqual([url])
  })

  it('a missing version file is a clear error', async () => {
    const err = setupGo({ config: config('', 'nope/go.mod'), workspace }, deps(new FakeRunner({})))
    await expect(err).rejects.toThrow(
      `go-version-file: cannot read ${join(workspace, 'nope', 'go.mod')}`
    )
  })
  it('a version list that cannot be read is a clear error', async () => {
    const err = setupGo({ config: config('stable'), workspace }, deps(new FakeRunner({})))
    await expect(err).rejects.toThrow(
      `Cannot read the Go version list (go-download-base-url): GET ${LIST} answered 404 Not Found`
    )
    const notAList = new FakeHttp({ [LIST]: { message: 'rate limited' } })
    await expect(
      setupGo({ config: config('stable'), workspace }, deps(new FakeRunner({}), notAList))
    ).rejects.toThrow('the Go version list is not a JSON array')
  })
})
