/**
 * A self-contained stand-in for the Go download site (go.dev/dl) on 127.0.0.1, plus a minimal real
 * ProcessRunner, for tests that drive the real @actions/tool-cache adapter.
 */
import { execFileSync, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { ProcessRunner, RunResult, RunSpec } from '../../src/ports.js'
import type { GoRelease } from '../../src/toolchain/resolve.js'

/** Builds `go<version>.linux-amd64.tar.gz` with the real `tar`: `go/bin/go` prints its version. */
export function buildFakeGoTarball(dir: string, version: string): { file: string; bytes: Buffer } {
  const tree = join(dir, `tree-${version}`)
  mkdirSync(join(tree, 'go', 'bin'), { recursive: true })
  const script = join(tree, 'go', 'bin', 'go')
  writeFileSync(script, `#!/bin/sh\necho "go version go${version} linux/amd64"\n`)
  chmodSync(script, 0o755)
  writeFileSync(join(tree, 'go', 'VERSION'), `go${version}\n`)
  const file = join(dir, `go${version}.linux-amd64.tar.gz`)
  execFileSync('tar', ['-czf', file, '-C', tree, 'go'])
  return { file, bytes: readFileSync(file) }
}

/** A go.dev list entry for a linux/amd64 archive (plus the source tarball every entry has). */
export function releaseEntry(version: string, archive: Buffer, sha256?: string): GoRelease {
  const file = (filename: string, os: string, arch: string, kind: string, sha: string) => ({
    filename,
    os,
    arch,
    version: `go${version}`,
    sha256: sha,
    size: archive.length,
    kind
  })
  const digest = sha256 ?? createHash('sha256').update(archive).digest('hex')
  return {
    version: `go${version}`,
    stable: true,
    files: [
      file(`go${version}.src.tar.gz`, '', '', 'source', '0'.repeat(64)),
      file(`go${version}.linux-amd64.tar.gz`, 'linux', 'amd64', 'archive', digest)
    ]
  }
}

export interface FakeGoSite {
  baseUrl: string
  /** Request paths (with query), in order. */
  requests: string[]
  /** Served files by name under /dl/. */
  files: Map<string, Buffer>
  /** The version list served at /dl/?mode=json&include=all. */
  releases: GoRelease[]
  /** Answer the next N list requests with 503 first. */
  failListTimes: number
  close(): Promise<void>
}

export async function startFakeGoSite(): Promise<FakeGoSite> {
  const site: Omit<FakeGoSite, 'baseUrl' | 'close'> = {
    requests: [],
    files: new Map(),
    releases: [],
    failListTimes: 0
  }
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/'
    site.requests.push(url)
    if (url === '/dl/?mode=json&include=all') {
      if (site.failListTimes > 0) {
        site.failListTimes--
        res.writeHead(503).end('busy')
        return
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(site.releases))
      return
    }
    const body = url.startsWith('/dl/')
      ? site.files.get(decodeURIComponent(url.slice(4)))
      : undefined
    if (!body) {
      res.writeHead(404).end('not found')
      return
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return Object.assign(site as FakeGoSite, {
    baseUrl: `http://127.0.0.1:${port}/dl`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  })
}

/** The smallest real ProcessRunner: argv, no shell; throws only when the command cannot start. */
export const spawnRunner: ProcessRunner = {
  run(spec: RunSpec): Promise<RunResult> {
    const started = Date.now()
    return new Promise((resolve, reject) => {
      const child = spawn(spec.command, spec.args, {
        cwd: spec.cwd,
        env: { ...process.env, ...spec.env }
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
      child.on('error', reject)
      child.on('close', (exitCode, signal) =>
        resolve({
          exitCode,
          signal,
          timedOut: false,
          stdout,
          stderr,
          truncated: false,
          durationMs: Date.now() - started
        })
      )
    })
  }
}
