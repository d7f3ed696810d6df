import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { NodeProcessRunner } from '../../src/adapters/process-runner.js'

const node = process.execPath

/** Alive and not a zombie (a container's PID 1 may never reap orphans). */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return !/^\d+ \(.*\) Z/.test(stat)
  } catch {
    return false
  }
}
const sink = () => {
  const chunks: string[] = []
  let ends = 0
  return { chunks, ends: () => ends, write: (s: string) => chunks.push(s), end: () => void ends++ }
}

describe('NodeProcessRunner', () => {
  it('returns non-zero exit codes instead of throwing, and captures both streams', async () => {
    const out = sink()
    const r = await new NodeProcessRunner({ PATH: process.env.PATH }, out).run({
      command: node,
      args: ['-e', 'process.stdout.write("out"); process.stderr.write("err"); process.exit(3)'],
      cwd: process.cwd()
    })
    expect(r).toMatchObject({
      exitCode: 3,
      timedOut: false,
      stdout: 'out',
      stderr: 'err',
      truncated: false
    })
    expect(out.chunks.join('')).toContain('out')
    expect(out.ends()).toBe(1)
  })

  it('passes arguments literally: no shell ever sees them', async () => {
    const r = await new NodeProcessRunner({ PATH: process.env.PATH }, sink()).run({
      command: node,
      args: [
        '-e',
        'console.log(JSON.stringify(process.argv.slice(1)))',
        '$(echo pwned)',
        '; ls',
        '"a b"'
      ],
      cwd: process.cwd(),
      echo: false
    })
    expect(JSON.parse(r.stdout)).toEqual(['$(echo pwned)', '; ls', '"a b"'])
  })

  it('hides secrets from the child even when a caller passes them explicitly', async () => {
    const r = await new NodeProcessRunner(
      {
        PATH: process.env.PATH,
        'INPUT_GITHUB-TOKEN': 'ghs_x',
        ACTIONS_RUNTIME_TOKEN: 'jwt',
        KEEP: 'yes'
      },
      sink()
    ).run({
      command: node,
      args: ['-e', 'console.log(JSON.stringify(process.env))'],
      cwd: process.cwd(),
      env: { GITHUB_OUTPUT: '/tmp/x', EXTRA: '1' },
      echo: false
    })
    const env = JSON.parse(r.stdout) as Record<string, string>
    expect(env.KEEP).toBe('yes')
    expect(env.EXTRA).toBe('1')
    expect(env['INPUT_GITHUB-TOKEN']).toBeUndefined()
    expect(env.ACTIONS_RUNTIME_TOKEN).toBeUndefined()
    expect(env.GITHUB_OUTPUT).toBeUndefined()
  })

  it('kills the whole process group at the deadline', async () => {
    // The parent starts a grandchild that would outlive it; both must die.
    const script = `
      const { spawn } = require('node:child_process')
      const g = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
      console.log(g.pid)
      setInterval(() => {}, 1000)`
    const started = Date.now()
    const r = await new NodeProcessRunner({ PATH: process.env.PATH }, sink()).run({
      command: node,
      args: ['-e', script],
      cwd: process.cwd(),
      timeoutMs: 500,
      echo: false
    })
    expect(r.timedOut).toBe(true)
    expect(r.exitCode).toBeNull()
    expect(Date.now() - started).toBeLessThan(10_000)
    const grandchild = Number(r.stdout.trim())
    await new Promise((res) => setTimeout(res, 200))
    expect(isAlive(grandchild)).toBe(false)
  })

  it('merges stderr into stdout in write order when asked', async () => {
    const chunks: string[] = []
    const r = await new NodeProcessRunner({ PATH: process.env.PATH }, sink()).run({
      command: node,
      args: [
        '-e',
        'const fs=require("fs"); for (let i=0;i<50;i++){ fs.writeSync(i%2?2:1, "line"+i+"\\n") }'
      ],
      cwd: process.cwd(),
      mergeStderr: true,
      echo: false,
      onStdout: (c) => chunks.push(c)
    })
    const lines = r.stdout.trim().split('\n')
    expect(lines).toEqual(Array.from({ length: 50 }, (_, i) => `line${i}`))
    expect(chunks.join('')).toBe(r.stdout)
  })

  it('keeps a bounded copy and says it truncated', async () => {
    const seen: string[] = []
    const r = await new NodeProcessRunner({ PATH: process.env.PATH }, sink()).run({
      command: node,
      args: ['-e', 'process.stdout.write("x".repeat(100000))'],
      cwd: process.cwd(),
      maxCapture: 1000,
      echo: false,
      onStdout: (c) => seen.push(c)
    })
    expect(r.stdout).toHaveLength(1000)
    expect(r.truncated).toBe(true)
    expect(seen.join('')).toHaveLength(100000)
  })

  it('throws when the command cannot start', async () => {
    await expect(
      new NodeProcessRunner({ PATH: process.env.PATH }, sink()).run({
        command: 'definitely-not-a-command-xyz',
        args: [],
        cwd: process.cwd()
      })
    ).rejects.toThrow()
  })
})
