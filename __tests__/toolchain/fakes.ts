/** Fakes for the toolchain ports: they record calls and keep state in plain objects/temp dirs. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Logger, ProcessRunner, RunResult, RunSpec } from '../../src/ports.js'
import type {
  ActionsEnvPort,
  CachePort,
  HttpPort,
  ToolCachePort
} from '../../src/toolchain/ports.js'

export class FakeLogger implements Logger {
  lines: string[] = []
  info(m: string): void {
    this.lines.push(`info: ${m}`)
  }
  warning(m: string): void {
    this.lines.push(`warning: ${m}`)
  }
  error(m: string): void {
    this.lines.push(`error: ${m}`)
  }
  notice(m: string): void {
    this.lines.push(`notice: ${m}`)
  }
  debug(): void {}
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.lines.push(`group: ${name}`)
    return fn()
  }
  /** Non-debug lines of one level. */
  of(level: string): string[] {
    return this.lines
      .filter((l) => l.startsWith(`${level}: `))
      .map((l) => l.slice(level.length + 2))
  }
}

export function ok(stdout: string): RunResult {
  return {
    exitCode: 0,
    signal: null,
    timedOut: false,
    stdout,
    stderr: '',
    truncated: false,
    durationMs: 1
  }
}

/**
 * Answers `<command> <args…>` from a table; a missing entry behaves like a missing executable
 * (the real runner throws when a command cannot start).
 */
export class FakeRunner implements ProcessRunner {
  calls: RunSpec[] = []
  constructor(public table: Record<string, RunResult>) {}
  async run(spec: RunSpec): Promise<RunResult> {
    this.calls.push(spec)
    const answer = this.table[[spec.command, ...spec.args].join(' ')]
    if (!answer) throw Object.assign(new Error(`spawn ${spec.command} ENOENT`), { code: 'ENOENT' })
    return answer
  }
}

/** A tool cache kept in a map; downloads come from `served` (url → bytes), extraction fakes a Go tree. */
export class FakeToolCache implements ToolCachePort {
  cached = new Map<string, string>() // `${semver}/${arch}` → dir
  downloads: string[] = []
  extracted: string[] = []
  constructor(
    public root: string,
    public served: Record<string, Buffer> = {}
  ) {}
  find(tool: string, semver: string, arch: string): string {
    return tool === 'go' ? (this.cached.get(`${semver}/${arch}`) ?? '') : ''
  }
  findAllVersions(tool: string, arch: string): string[] {
    if (tool !== 'go') return []
    return [...this.cached.keys()].filter((k) => k.endsWith(`/${arch}`)).map((k) => k.split('/')[0])
  }
  async downloadTool(url: string): Promise<string> {
    this.downloads.push(url)
    const body = this.served[url]
    if (!body) throw new Error(`Unexpected HTTP response: 404`)
    const file = join(await mkdtemp(join(this.root, 'dl-')), 'archive')
    await writeFile(file, body)
    return file
  }
  async extractTar(file: string): Promise<string> {
    return this.extract(file)
  }
  async extractZip(file: string): Promise<string> {
    return this.extract(file)
  }
  private async extract(file: string): Promise<string> {
    this.extracted.push(file)
    const dir = await mkdtemp(join(this.root, 'x-'))
    await mkdir(join(dir, 'go', 'bin'), { recursive: true })
    await writeFile(join(dir, 'go', 'bin', 'go'), '#!/bin/sh\n')
    return dir
  }
  async cacheDir(dir: string, tool: string, semver: string, arch: string): Promise<string> {
    const dest = join(this.root, 'cache', tool, semver, arch)
    this.cached.set(`${semver}/${arch}`, dest)
    return dest
  }
  /** Pretends `semver` is already installed and returns its directory. */
  preinstall(semver: string, arch: string): string {
    const dest = join(this.root, 'cache', 'go', semver, arch)
    this.cached.set(`${semver}/${arch}`, dest)
    return dest
  }
}

export class FakeHttp implements HttpPort {
  requests: string[] = []
  constructor(public responses: Record<string, unknown>) {}
  async getJson(url: string): Promise<unknown> {
    this.requests.push(url)
    if (!(url in this.responses)) throw new Error(`GET ${url} answered 404 Not Found`)
    return this.responses[url]
  }
}

export class FakeActionsEnv implements ActionsEnvPort {
  paths: string[] = []
  exported: Record<string, string> = {}
  addPath(dir: string): void {
    this.paths.push(dir)
  }
  exportVariable(name: string, value: string): void {
    this.exported[name] = value
  }
}

export class FakeCache implements CachePort {
  restored: Array<{ paths: string[]; key: string; restoreKeys: string[] }> = []
  saved: Array<{ paths: string[]; key: string }> = []
  constructor(
    public entries: string[] = [],
    public available = true,
    public failWith?: Error
  ) {}
  isAvailable(): boolean {
    return this.available
  }
  async restore(paths: string[], key: string, restoreKeys: string[]): Promise<string | undefined> {
    this.restored.push({ paths, key, restoreKeys })
    if (this.failWith) throw this.failWith
    if (this.entries.includes(key)) return key
    return this.entries.find((e) => restoreKeys.some((p) => e.startsWith(p)))
  }
  async save(paths: string[], key: string): Promise<boolean> {
    if (this.failWith) throw this.failWith
    this.saved.push({ paths, key })
    this.entries.unshift(key)
    return true
  }
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `grgg-${prefix}-`))
}
