import { spawn, spawnSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { StringDecoder } from 'node:string_decoder'
import type { ProcessRunner, RunResult, RunSpec } from '../ports.js'
import { isSecretVariable, sanitizeEnv } from './safe-env.js'

/** Where echoed process output goes; the Actions sink wraps it so it cannot issue workflow commands. */
export interface OutputSink {
  write(text: string): void
  /** Called once the process has finished and its output has been written. */
  end?(): void
}

const DEFAULT_MAX_CAPTURE = 16 * 1024 * 1024

/** Keeps the first `max` characters of a stream and remembers whether more arrived. */
class Capture {
  text = ''
  truncated = false
  constructor(private readonly max: number) {}
  add(chunk: string): void {
    if (this.text.length >= this.max) {
      this.truncated = true
      return
    }
    const room = this.max - this.text.length
    if (chunk.length > room) this.truncated = true
    this.text += chunk.length > room ? chunk.slice(0, room) : chunk
  }
}

/**
 * Runs processes with argument arrays (no shell), a sanitised environment, a deadline that kills
 * the whole process group (go test forks the test binary, which forks whatever the tests start),
 * and exit codes returned rather than thrown.
 */
export class NodeProcessRunner implements ProcessRunner {
  constructor(
    private readonly baseEnv: NodeJS.ProcessEnv,
    private readonly sink: OutputSink
  ) {}

  async run(spec: RunSpec): Promise<RunResult> {
    const env = sanitizeEnv(this.baseEnv)
    for (const [k, val] of Object.entries(spec.env ?? {})) if (!isSecretVariable(k)) env[k] = val
    const max = spec.maxCapture ?? DEFAULT_MAX_CAPTURE
    const echo = spec.echo ?? true
    const out = new Capture(max)
    const err = new Capture(max)
    const started = Date.now()
    // Node has no pipe(2); to interleave stderr with stdout in write order (gctrace lines must land
    // between the benchmark lines they belong to) both descriptors point at one append-only file.
    const merged = spec.mergeStderr ? mergedFile() : null
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env,
      stdio: merged ? ['ignore', merged.fd, merged.fd] : ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
      windowsHide: true
    })
    const feed =
      (decoder: StringDecoder, cap: Capture, cb?: (s: string) => void) => (buf: Buffer) => {
        const s = decoder.write(buf)
        if (!s) return
        cap.add(s)
        if (echo) this.sink.write(s)
        cb?.(s)
      }
    const outDecoder = new StringDecoder('utf8')
    const errDecoder = new StringDecoder('utf8')
    child.stdout?.on('data', feed(outDecoder, out, spec.onStdout))
    child.stderr?.on('data', feed(errDecoder, err, spec.onStderr))

    let timedOut = false
    const timer =
      spec.timeoutMs && spec.timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true
            killTree(child.pid)
          }, spec.timeoutMs)
        : null
    const result = await new Promise<{ code: number | null; signal: string | null }>(
      (resolve, reject) => {
        child.once('error', reject)
        child.once('close', (code, signal) => resolve({ code, signal }))
      }
    ).finally(() => {
      if (timer) clearTimeout(timer)
    })
    const tail = (d: StringDecoder, cap: Capture, cb?: (s: string) => void) => {
      const s = d.end()
      if (s) {
        cap.add(s)
        cb?.(s)
      }
    }
    tail(outDecoder, out, spec.onStdout)
    tail(errDecoder, err, spec.onStderr)
    if (merged) merged.drain(feed(new StringDecoder('utf8'), out, spec.onStdout))
    if (echo) this.sink.end?.()
    return {
      exitCode: timedOut ? null : result.code,
      signal: result.signal,
      timedOut,
      stdout: out.text,
      stderr: err.text,
      truncated: out.truncated || err.truncated,
      durationMs: Date.now() - started
    }
  }
}

function mergedFile(): { fd: number; drain(onChunk: (b: Buffer) => void): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'grgg-out-'))
  const file = path.join(dir, 'merged.log')
  const fd = openSync(file, 'a')
  return {
    fd,
    drain(onChunk) {
      closeSync(fd)
      const rfd = openSync(file, 'r')
      const buf = Buffer.alloc(1 << 20)
      try {
        for (;;) {
          const n = readSync(rfd, buf, 0, buf.length, null)
          if (n <= 0) break
          onChunk(Buffer.from(buf.subarray(0, n)))
        }
      } finally {
        closeSync(rfd)
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
}

/** Kills the process and everything it started. */
function killTree(pid: number | undefined): void {
  if (pid === undefined) return
  if (process.platform === 'win32') {
    spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { windowsHide: true })
    return
  }
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
}
