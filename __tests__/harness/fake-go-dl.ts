/**
 * The Go download site (`https://go.dev/dl` stand-in) under `/dl`: the version list
 * (`/dl/?mode=json[&include=all]`) and archives (`/dl/<filename>`). Archives are tiny tarballs
 * whose `go/bin/go` is a shell script (see `makeFakeGoTarball`).
 */
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { json, type FakeResponse, type RecordedRequest } from './fake-server.js'

/** The real Go the fake `go` delegates to for everything but `go version` / `go env GOVERSION`. */
export const REAL_GO = '/usr/local/go/bin/go'

export interface FakeGoArchive {
  filename: string
  data: Buffer
  /** Hex sha256 of `data`. */
  sha256: string
}

export interface FakeGoVersionSpec {
  /** Without the `go` prefix, e.g. `1.26.8`. */
  version: string
  /** Default: true unless the version has `rc` or `beta` in it. */
  stable?: boolean
  /** Serve bytes that do not match the listed sha256. */
  tampered?: boolean
}

const cache = new Map<string, FakeGoArchive>()

/**
 * Build `go<version>.linux-amd64.tar.gz` containing `go/bin/go` and `go/VERSION`. The script
 * prints `go version go<version> linux/amd64` for `go version` and `go<version>` for
 * `go env GOVERSION`; anything else is passed to `delegateTo` (default: the real Go at
 * /usr/local/go/bin/go, so `go test` still works), or fails with exit 2 when delegateTo is null.
 */
export function makeFakeGoTarball(
  version: string,
  opts: { delegateTo?: string | null; os?: string; arch?: string } = {}
): FakeGoArchive {
  const goos = opts.os ?? 'linux'
  const goarch = opts.arch ?? 'amd64'
  const delegate = opts.delegateTo === undefined ? REAL_GO : opts.delegateTo
  const key = `${version}|${goos}|${goarch}|${delegate}`
  const hit = cache.get(key)
  if (hit) return hit
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-go-'))
  fs.mkdirSync(path.join(dir, 'go', 'bin'), { recursive: true })
  const script = [
    '#!/bin/sh',
    `# fake Go ${version} built by __tests__/harness/fake-go-dl.ts`,
    `if [ "$1" = "version" ] && [ $# -eq 1 ]; then echo "go version go${version} ${goos}/${goarch}"; exit 0; fi`,
    `if [ "$1" = "env" ] && [ "$2" = "GOVERSION" ] && [ $# -eq 2 ]; then echo "go${version}"; exit 0; fi`,
    delegate
      ? `exec "${delegate}" "$@"`
      : `echo "fake go ${version}: only 'go version' is supported" >&2; exit 2`,
    ''
  ].join('\n')
  fs.writeFileSync(path.join(dir, 'go', 'bin', 'go'), script, { mode: 0o755 })
  fs.writeFileSync(path.join(dir, 'go', 'VERSION'), `go${version}\ntime 2026-01-01T00:00:00Z\n`)
  const filename = `go${version}.${goos}-${goarch}.tar.gz`
  const out = path.join(dir, filename)
  execFileSync('tar', [
    '-czf',
    out,
    '--owner=0',
    '--group=0',
    '--mtime=2026-01-01 00:00:00Z',
    '-C',
    dir,
    'go'
  ])
  const data = fs.readFileSync(out)
  fs.rmSync(dir, { recursive: true, force: true })
  const archive = { filename, data, sha256: createHash('sha256').update(data).digest('hex') }
  cache.set(key, archive)
  return archive
}

export class FakeGoDownloads {
  private specs: FakeGoVersionSpec[] = [{ version: '1.26.8' }, { version: '1.25.9' }]
  /** Which real Go the fake `go` delegates to (null: none). */
  delegateTo: string | null = REAL_GO

  /** Replace the version list (newest first, like go.dev). */
  setVersions(specs: FakeGoVersionSpec[]): void {
    this.specs = specs
  }

  /** The archive served for a version on linux/amd64 (before any tampering). */
  archive(version: string): FakeGoArchive {
    return makeFakeGoTarball(version, { delegateTo: this.delegateTo })
  }

  handle(req: RecordedRequest): FakeResponse | null {
    if (req.method !== 'GET' || !req.pathname.startsWith('/dl/')) return null
    const name = req.pathname.slice('/dl/'.length)
    if (name === '' && req.query.get('mode') === 'json') {
      const all = req.query.get('include') === 'all'
      return json(
        200,
        this.listing().filter((v) => all || v.stable)
      )
    }
    for (const s of this.specs) {
      for (const arch of ['amd64', 'arm64']) {
        const a = makeFakeGoTarball(s.version, { delegateTo: this.delegateTo, arch })
        if (a.filename !== name) continue
        const data = s.tampered ? Buffer.concat([a.data, Buffer.from('tampered')]) : a.data
        return {
          status: 200,
          headers: {
            'content-type': 'application/octet-stream',
            'content-length': String(data.length)
          },
          body: data
        }
      }
    }
    return { status: 404, body: 'Not Found' }
  }

  private listing() {
    return this.specs.map((s) => {
      const stable = s.stable ?? !/rc|beta/.test(s.version)
      const files = ['amd64', 'arm64'].map((arch) => {
        const a = makeFakeGoTarball(s.version, { delegateTo: this.delegateTo, arch })
        return {
          filename: a.filename,
          os: 'linux',
          arch,
          version: `go${s.version}`,
          sha256: a.sha256,
          size: a.data.length,
          kind: 'archive'
        }
      })
      files.push({
        filename: `go${s.version}.src.tar.gz`,
        os: '',
        arch: '',
        version: `go${s.version}`,
        sha256: '0'.repeat(64),
        size: 1,
        kind: 'source'
      })
      return { version: `go${s.version}`, stable, files }
    })
  }
}
