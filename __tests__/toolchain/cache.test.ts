import { execFileSync } from 'node:child_process'
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { createCachePort } from '../../src/toolchain/adapters.js'
import { benchstatBinDir, goCacheKey, hashGoSumFiles } from '../../src/toolchain/cache-key.js'
import type { ProcessRunner } from '../../src/ports.js'
import { restoreGoCache, saveGoCache, type GoCacheDeps } from '../../src/toolchain/cache.js'
import { FakeCache, FakeLogger, FakeRunner, ok, tempDir } from './fakes.js'
import { spawnRunner } from './loopback.js'

function write(path: string, content: string): void {
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, content)
}

describe('hashGoSumFiles', () => {
  let dir: string
  beforeEach(async () => {
    dir = await tempDir('sum')
    write(join(dir, 'go.sum'), 'golang.org/x/text v0.14.0 h1:abc=\n')
    write(join(dir, 'tools', 'go.sum'), 'golang.org/x/perf v0.0.0 h1:def=\n')
    write(join(dir, 'go.work.sum'), 'golang.org/x/sync v0.6.0 h1:ghi=\n')
  })

  it('changes with any go.sum content, name or place, and ignores the rest', async () => {
    const first = await hashGoSumFiles(dir)
    expect(first).toMatch(/^[0-9a-f]{64}$/)
    expect(await hashGoSumFiles(dir)).toBe(first)

    // Ignored: hidden dirs, `_` dirs, node_modules, other files.
    write(join(dir, '.git', 'go.sum'), 'x')
    write(join(dir, '_scratch', 'go.sum'), 'x')
    write(join(dir, 'node_modules', 'pkg', 'go.sum'), 'x')
    write(join(dir, 'main.go'), 'package main\n')
    expect(await hashGoSumFiles(dir)).toBe(first)

    write(join(dir, 'tools', 'go.sum'), 'golang.org/x/perf v0.0.1 h1:zzz=\n')
    const edited = await hashGoSumFiles(dir)
    expect(edited).not.toBe(first)

    mkdirSync(join(dir, 'cmd'))
    renameSync(join(dir, 'tools', 'go.sum'), join(dir, 'cmd', 'go.sum'))
    expect(await hashGoSumFiles(dir)).not.toBe(edited)
  })

  it('hashes an empty module to a fixed value', async () => {
    const empty = await tempDir('empty')
    expect(await hashGoSumFiles(empty)).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
    )
  })
})

describe('goCacheKey and benchstatBinDir', () => {
  it('builds key and restore-key prefix', () => {
    const hash = 'a'.repeat(64)
    const base = { platform: 'linux', arch: 'x64', goVersion: '1.26.8', goSumHash: hash }
    expect(goCacheKey(base)).toEqual({
      key: `go-race-gc-guard-linux-x64-go1.26.8-${hash}`,
      restoreKeys: ['go-race-gc-guard-linux-x64-go1.26.8-']
    })
    expect(goCacheKey({ ...base, salt: 'benchstat v0.0.0/x' }).key).toBe(
      `go-race-gc-guard-linux-x64-go1.26.8-benchstat_v0.0.0_x-${hash}`
    )
  })

  it('puts benchstat under the tool cache, else the user cache', () => {
    const v = 'v0.0.0-20260211000000-8161c38b1c0a'
    expect(benchstatBinDir({ RUNNER_TOOL_CACHE: '/opt/hostedtoolcache', HOME: '/h' }, v)).toBe(
      join('/opt/hostedtoolcache', 'go-race-gc-guard', 'benchstat', v)
    )
    expect(benchstatBinDir({ HOME: '/home/me' }, 'latest')).toBe(
      join('/home/me', '.cache', 'go-race-gc-guard', 'benchstat', 'latest')
    )
    expect(benchstatBinDir({ XDG_CACHE_HOME: '/x' }, '../evil')).toBe(
      join('/x', 'go-race-gc-guard', 'benchstat', '.._evil')
    )
  })
})

describe('restoreGoCache / saveGoCache', () => {
  let ws: string
  let gocache: string
  let gomodcache: string
  let logger: FakeLogger
  beforeEach(async () => {
    ws = await tempDir('cache')
    gocache = join(ws, 'home', '.cache', 'go-build')
    gomodcache = join(ws, 'home', 'go', 'pkg', 'mod')
    write(join(ws, 'mod', 'go.sum'), 'golang.org/x/text v0.14.0 h1:abc=\n')
    logger = new FakeLogger()
  })
  const runner = () =>
    new FakeRunner({ 'go env GOCACHE GOMODCACHE': ok(`${gocache}\n${gomodcache}\n`) })
  const deps = (cache: FakeCache, r: ProcessRunner = runner()): GoCacheDeps => ({
    runner: r,
    logger,
    cache,
    platform: 'linux',
    arch: 'x64'
  })
  const input = (extra: string[] = []) => ({
    config: { cache: true, workingDirectory: 'mod' },
    workspace: ws,
    goVersion: '1.26.8',
    extraPaths: extra
  })

  it('restores from the prefix, then saves under the new key', async () => {
    const cache = new FakeCache(['go-race-gc-guard-linux-x64-go1.26.8-old'])
    const bench = join(ws, 'tc', 'go-race-gc-guard', 'benchstat', 'v1')
    const r = runner()
    const state = await restoreGoCache(input([bench]), deps(cache, r))
    const hash = await hashGoSumFiles(join(ws, 'mod'))
    expect(state).toEqual({
      paths: [gocache, gomodcache, bench],
      key: `go-race-gc-guard-linux-x64-go1.26.8-${hash}`,
      restoreKeys: ['go-race-gc-guard-linux-x64-go1.26.8-'],
      matchedKey: 'go-race-gc-guard-linux-x64-go1.26.8-old'
    })
    expect(r.calls[0]).toMatchObject({ cwd: join(ws, 'mod'), env: { GOTOOLCHAIN: 'local' } })
    expect(logger.of('info')).toEqual([
      'Go cache restored from go-race-gc-guard-linux-x64-go1.26.8-old'
    ])

    // Only directories that exist are saved (@actions/cache refuses missing paths).
    mkdirSync(gocache, { recursive: true })
    mkdirSync(bench, { recursive: true })
    expect(await saveGoCache(state, deps(cache))).toBe('saved')
    expect(cache.saved).toEqual([{ paths: [gocache, bench], key: state.key }])
  })

  it('does not save again after an exact hit', async () => {
    const hash = await hashGoSumFiles(join(ws, 'mod'))
    const cache = new FakeCache([`go-race-gc-guard-linux-x64-go1.26.8-${hash}`])
    const state = await restoreGoCache(input(), deps(cache))
    expect(state.matchedKey).toBe(state.key)
    expect(await saveGoCache(state, deps(cache))).toBe('unchanged')
    expect(cache.saved).toEqual([])
  })

  it('warns and goes on when the cache service is unavailable', async () => {
    const cache = new FakeCache([], false)
    const r = runner()
    const state = await restoreGoCache(input(), deps(cache, r))
    expect(state.skipped).toBe('cache service unavailable')
    expect(logger.of('warning')).toEqual([
      'The Actions cache service is not available; Go caches are not restored or saved.'
    ])
    expect(r.calls).toEqual([])
    expect(await saveGoCache(state, deps(cache))).toBe('skipped')
    expect(cache.restored).toEqual([])
  })

  it('turns service errors into warnings', async () => {
    const cache = new FakeCache([], true, new Error('Cache service responded with 503'))
    const state = await restoreGoCache(input(), deps(cache))
    expect(state.matchedKey).toBeUndefined()
    mkdirSync(gomodcache, { recursive: true })
    expect(await saveGoCache(state, deps(cache))).toBe('failed')
    expect(logger.of('warning')).toEqual([
      'Restoring the Go cache failed (Cache service responded with 503); continuing without it.',
      'Saving the Go cache failed (Cache service responded with 503); continuing.'
    ])
  })

  it('does nothing with cache: false, and skips when go env fails', async () => {
    const cache = new FakeCache()
    const off = await restoreGoCache(
      { ...input(), config: { cache: false, workingDirectory: 'mod' } },
      deps(cache)
    )
    expect(off.skipped).toBe('cache: false')
    expect(logger.lines).toEqual([])
    const broken = new FakeRunner({
      'go env GOCACHE GOMODCACHE': { ...ok(''), exitCode: 1, stderr: 'go: boom' }
    })
    const state = await restoreGoCache(input(), deps(cache, broken))
    expect(state.skipped).toContain('go env GOCACHE GOMODCACHE failed: go: boom')
    expect(logger.of('warning')[0]).toMatch(/^Go cache skipped: go env/)
  })

  it('reads the real `go env GOCACHE GOMODCACHE` of the Go on PATH', async () => {
    write(join(ws, 'mod', 'go.mod'), 'module example.com/m\n\ngo 1.21\n')
    const cache = new FakeCache()
    const state = await restoreGoCache(input(), deps(cache, spawnRunner))
    const real = execFileSync('go', ['env', 'GOCACHE', 'GOMODCACHE'], {
      encoding: 'utf8',
      env: { ...process.env, GOTOOLCHAIN: 'local' }
    })
    expect(state.paths).toEqual(real.trim().split('\n'))
    expect(cache.restored).toHaveLength(1)
  })
  it('the real @actions/cache adapter reports the service unavailable without its URLs', async () => {
    const saved = { v1: process.env.ACTIONS_CACHE_URL, v2: process.env.ACTIONS_RESULTS_URL }
    delete process.env.ACTIONS_CACHE_URL
    delete process.env.ACTIONS_RESULTS_URL
    try {
      const state = await restoreGoCache(input(), {
        ...deps(new FakeCache()),
        cache: createCachePort()
      })
      expect(state.skipped).toBe('cache service unavailable')
      expect(logger.of('warning')).toHaveLength(1)
    } finally {
      if (saved.v1 !== undefined) process.env.ACTIONS_CACHE_URL = saved.v1
      if (saved.v2 !== undefined) process.env.ACTIONS_RESULTS_URL = saved.v2
    }
  })
})
