/** Test helpers for the race tests: fixtures, a config, fakes for the ports. */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Config } from '../../src/domain/config.js'
import type { FileSystem, Logger, ProcessRunner, RunResult, RunSpec } from '../../src/ports.js'
import { GoTestJsonParser } from '../../src/races/go-test-json.js'
import type { GoTestParseResult } from '../../src/races/parse-types.js'

export const TESTDATA = join(dirname(fileURLToPath(import.meta.url)), '../testdata/races')
export const MODULES = join(TESTDATA, 'modules')

export interface Fixture {
  name: string
  stdout: string
  stderr: string
  meta: { goVersion: string; moduleDir: string; gorace: string; args: string[]; exitCode: number }
  /** Module dir in this checkout (the recorded one may be another machine's). */
  localDir: string
}

export function loadFixture(name: string): Fixture {
  const f = (ext: string): string =>
    readFileSync(join(TESTDATA, 'fixtures', `${name}.${ext}`), 'utf8')
  const meta = JSON.parse(f('meta.json')) as Fixture['meta']
  const rel = meta.moduleDir.slice(meta.moduleDir.indexOf('/modules/') + '/modules/'.length)
  return { name, stdout: f('jsonl'), stderr: f('stderr'), meta, localDir: join(MODULES, rel) }
}

/** Parses a fixture, optionally in chunks of `chunk` characters. */
export function parseFixture(fx: Fixture, chunk?: number): GoTestParseResult {
  const p = new GoTestJsonParser({ moduleRoot: fx.meta.moduleDir })
  feed(p, fx.stdout, chunk)
  p.pushStderr(fx.stderr)
  return p.end()
}

export function feed(p: GoTestJsonParser, text: string, chunk?: number): void {
  if (chunk === undefined) return p.push(text)
  for (let i = 0; i < text.length; i += chunk) p.push(text.slice(i, i + chunk))
}

/** Reads `relFile` from a local module dir (fingerprint source lines). */
export function localReader(dir: string) {
  return async (relFile: string, line: number): Promise<string | null> => {
    const p = join(dir, relFile)
    if (!existsSync(p)) return null
    return (await readFile(p, 'utf8')).split('\n')[line - 1] ?? null
  }
}

export function testConfig(over: Partial<Config> = {}): Config {
  return {
    goVersion: '',
    goVersionFile: '',
    goDownloadBaseUrl: '',
    cache: false,
    workingDirectory: '.',
    packages: ['./...'],
    buildFlags: [],
    testFlags: [],
    race: true,
    raceCount: 1,
    raceBase: 'affected',
    raceConfirm: 1,
    testTimeout: '2m',
    testTimeoutMs: 120_000,
    bench: '',
    benchCount: 1,
    benchtime: '1x',
    gcVariants: [],
    baseRef: '',
    profiles: [],
    artifactName: 'x',
    artifactRetentionDays: 1,
    comment: false,
    commentHeader: 'x',
    githubToken: '',
    failOnNewRaces: true,
    failOnRaces: false,
    failOnRegression: true,
    timeThreshold: 0.1,
    allocThreshold: 0.1,
    gcThreshold: 0.1,
    alpha: 0.05,
    mode: 'check',
    shard: null,
    ...over
  }
}

export const quietLogger: Logger = {
  info: () => {},
  warning: () => {},
  error: () => {},
  notice: () => {},
  debug: () => {},
  group: (_n, fn) => fn()
}

/** FileSystem over the real disk, with path prefixes rewritten (recorded dir → local dir). */
export function mappedFs(map: Array<[string, string]> = []): FileSystem {
  const fix = (p: string): string => {
    for (const [from, to] of map) if (p.startsWith(from)) return to + p.slice(from.length)
    return p
  }
  return {
    readFile: (p) => readFile(fix(p), 'utf8'),
    writeFile: async () => {},
    mkdirp: async () => {},
    exists: async (p) => existsSync(fix(p))
  }
}

/** A real ProcessRunner for tests (the production one lives in src/adapters). */
export const spawnRunner: ProcessRunner = {
  run(spec: RunSpec): Promise<RunResult> {
    const start = Date.now()
    return new Promise((resolve, reject) => {
      const child = spawn(spec.command, spec.args, {
        cwd: spec.cwd,
        env: { ...process.env, ...spec.env },
        stdio: ['ignore', 'pipe', 'pipe']
      })
      let stdout = ''
      let stderr = ''
      child.stdout.setEncoding('utf8').on('data', (c: string) => {
        stdout += c
        spec.onStdout?.(c)
      })
      child.stderr.setEncoding('utf8').on('data', (c: string) => {
        stderr += c
        spec.onStderr?.(c)
      })
      child.on('error', reject)
      child.on('close', (code, signal) =>
        resolve({
          exitCode: code,
          signal,
          timedOut: false,
          stdout,
          stderr,
          truncated: false,
          durationMs: Date.now() - start
        })
      )
    })
  }
}
