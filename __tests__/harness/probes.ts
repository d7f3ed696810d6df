/** Run `probes/artifact-probe.mjs` in a child process with the runner environment of a fake. */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FakeServer } from './fake-server.js'
import { runnerEnv } from './run-action.js'

const PROBE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'probes',
  'artifact-probe.mjs'
)

export interface ProbeResult {
  result?: unknown
  error?: string
  stdout: string
  stderr: string
}

/** Run one @actions/artifact operation (`op`: upload, list, download, delete) against the fake. */
export function artifactProbe(
  fake: FakeServer,
  args: Record<string, unknown>
): Promise<ProbeResult> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'grgg-probe-'))
  const env = runnerEnv(
    { workspace: root, fake, inputs: {} },
    { root, eventPath: path.join(root, 'event.json') }
  )
  env.PROBE_ARGS = JSON.stringify(args)
  return new Promise((resolve) => {
    execFile(process.execPath, [PROBE], { env, cwd: root }, (_err, stdout, stderr) => {
      const res = /PROBE_RESULT (.*)$/m.exec(stdout)
      const err = /PROBE_ERROR (.*)$/m.exec(stdout)
      resolve({
        result: res ? JSON.parse(res[1]) : undefined,
        error: err ? err[1] : res ? undefined : `probe crashed: ${stderr}`,
        stdout,
        stderr
      })
    })
  })
}
