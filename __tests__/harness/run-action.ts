/**
 * Runs the bundled action (`node dist/index.js`) the way the GitHub runner does: INPUT_* from
 * action.yml defaults plus overrides, a webhook payload file, file-command files, runner dirs,
 * and the artifact/OIDC runtime secrets — all pointing at a loopback `FakeServer`.
 */
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { FAKE_GITHUB_TOKEN } from './fake-github.js'
import { FAKE_RUN_ID } from './fake-artifacts.js'
import { prEvent } from './events.js'
import type { FakeServer, RecordedRequest } from './fake-server.js'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')

/** An unsigned JWT the artifact client accepts (it decodes without verifying). */
export const FAKE_RUNTIME_TOKEN = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({
  scp: 'Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:run-backend-id:job-backend-id',
  iss: 'fake'
})}.fakesig`
export const FAKE_ID_TOKEN_SECRET = 'fake-oidc-request-token-SECRET'

/** Every secret the harness hands the action; none may reach a Go process. */
export const FAKE_SECRETS = [FAKE_GITHUB_TOKEN, FAKE_RUNTIME_TOKEN, FAKE_ID_TOKEN_SECRET]

export interface RunActionOptions {
  workspace: string
  /** Input name (as in action.yml) → value; overrides action.yml defaults. */
  inputs?: Record<string, string>
  /** Webhook payload. Default: a pull_request event built from the workspace's main/HEAD. */
  event?: object
  eventName?: string
  /** Extra/overriding environment; a value of '' is kept, use `unset` to remove. */
  env?: Record<string, string>
  /** Variables to remove from the child's environment (e.g. 'PATH' pieces are not handled here). */
  unset?: string[]
  fake: FakeServer
  entry?: string
  node?: string
  timeoutMs?: number
}

export interface RunActionResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  timedOut: boolean
  stdout: string
  stderr: string
  /** Parsed from GITHUB_OUTPUT (heredoc and name=value forms). */
  outputs: Record<string, string>
  /** GITHUB_STEP_SUMMARY contents. */
  summary: string
  /** Parsed GITHUB_ENV. */
  exportedEnv: Record<string, string>
  /** Lines of GITHUB_PATH. */
  addedPath: string[]
  /** Parsed GITHUB_STATE. */
  state: Record<string, string>
  runnerTemp: string
  toolCache: string
  /** Requests the fake received during this run. */
  requests: RecordedRequest[]
  durationMs: number
}

/** action.yml input defaults, with `${{ github.token }}` replaced by the fake token. */
export function actionDefaults(
  actionYml = path.join(REPO_ROOT, 'action.yml')
): Record<string, string> {
  const doc = parseYaml(fs.readFileSync(actionYml, 'utf8')) as {
    inputs?: Record<string, { default?: unknown }>
  }
  const out: Record<string, string> = {}
  for (const [name, spec] of Object.entries(doc.inputs ?? {})) {
    const d = spec?.default === undefined ? '' : String(spec.default)
    out[name] = d
      .replace(/\$\{\{\s*github\.token\s*\}\}/g, FAKE_GITHUB_TOKEN)
      .replace(/\$\{\{[^}]*\}\}/g, '')
  }
  return out
}

/** Parse a file-command file (GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE). */
export function parseFileCommand(content: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = content.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delim] = heredoc
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i])
      out[name] = value.join('\n')
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return out
}

const DROP = /^(GITHUB_|INPUT_|ACTIONS_|RUNNER_|VITEST|NODE_OPTIONS$|NODE_V8_COVERAGE$)/
const read = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '')
const gitOut = (dir: string, rev: string) => {
  try {
    return execFileSync('git', ['rev-parse', rev], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore']
    }).trim()
  } catch {
    return '0'.repeat(40)
  }
}

/** The environment `runAction` gives the child (exported for tests that spawn other things). */
export function runnerEnv(
  o: RunActionOptions,
  dirs: { root: string; eventPath: string; prNumber?: number }
): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) if (!DROP.test(k) && v !== undefined) env[k] = v
  const inputs = { ...actionDefaults(), ...(o.inputs ?? {}) }
  for (const [k, v] of Object.entries(inputs))
    env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v
  const f = (n: string) => path.join(dirs.root, n)
  Object.assign(env, {
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: o.eventName ?? 'pull_request',
    GITHUB_EVENT_PATH: dirs.eventPath,
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_REPOSITORY: `${o.fake.github.owner}/${o.fake.github.repo}`,
    GITHUB_REPOSITORY_OWNER: o.fake.github.owner,
    GITHUB_SHA: gitOut(o.workspace, 'HEAD'),
    GITHUB_REF: dirs.prNumber ? `refs/pull/${dirs.prNumber}/merge` : 'refs/heads/main',
    GITHUB_RUN_ID: String(FAKE_RUN_ID),
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'check',
    GITHUB_ACTION: '__self',
    GITHUB_WORKFLOW: 'ci',
    GITHUB_ACTOR: 'octocat',
    GITHUB_OUTPUT: f('output'),
    GITHUB_STEP_SUMMARY: f('summary.md'),
    GITHUB_ENV: f('env'),
    GITHUB_PATH: f('path'),
    GITHUB_STATE: f('state'),
    GITHUB_API_URL: o.fake.apiUrl,
    GITHUB_SERVER_URL: 'http://github.localhost',
    GITHUB_RETENTION_DAYS: '90',
    RUNNER_TEMP: f('temp'),
    RUNNER_TOOL_CACHE: f('tool-cache'),
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'fake-runner',
    ACTIONS_RUNTIME_TOKEN: FAKE_RUNTIME_TOKEN,
    ACTIONS_RESULTS_URL: o.fake.resultsUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: FAKE_ID_TOKEN_SECRET,
    ACTIONS_ID_TOKEN_REQUEST_URL: `${o.fake.url}/oidc/token?audience=x`
  })
  Object.assign(env, o.env ?? {})
  for (const k of o.unset ?? []) delete env[k]
  return env
}

/** Spawn the action and collect everything it produced. */
export async function runAction(o: RunActionOptions): Promise<RunActionResult> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'grgg-runner-'))
  for (const d of ['temp', 'tool-cache']) fs.mkdirSync(path.join(root, d))
  for (const f of ['output', 'summary.md', 'env', 'path', 'state'])
    fs.writeFileSync(path.join(root, f), '')
  const event =
    o.event ??
    prEvent({
      number: 1,
      baseSha: gitOut(o.workspace, 'main'),
      headSha: gitOut(o.workspace, 'HEAD')
    })
  const pr = (
    event as { pull_request?: { number: number; head: { sha: string }; base: { sha: string } } }
  ).pull_request
  if (pr && !o.fake.github.pulls.has(pr.number)) {
    o.fake.github.setPull({ number: pr.number, headSha: pr.head.sha, baseSha: pr.base.sha })
  }
  const eventPath = path.join(root, 'event.json')
  fs.writeFileSync(eventPath, JSON.stringify(event, null, 2))
  const env = runnerEnv(o, { root, eventPath, prNumber: pr?.number })
  const entry = o.entry ?? process.env.GRGG_ACTION_ENTRY ?? path.join(REPO_ROOT, 'dist', 'index.js')
  const firstRequest = o.fake.requests.length
  const started = Date.now()
  const child = spawn(o.node ?? process.execPath, [entry], {
    cwd: o.workspace,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c))
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c))
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    try {
      process.kill(-(child.pid as number), 'SIGKILL')
    } catch {
      /* already gone */
    }
  }, o.timeoutMs ?? 300_000)
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>(
    (resolve, reject) => {
      child.on('error', reject)
      child.on('close', (code, sig) => resolve([code, sig]))
    }
  )
  clearTimeout(timer)
  const f = (n: string) => read(path.join(root, n))
  return {
    exitCode,
    signal,
    timedOut,
    stdout,
    stderr,
    outputs: parseFileCommand(f('output')),
    summary: f('summary.md'),
    exportedEnv: parseFileCommand(f('env')),
    addedPath: f('path').split('\n').filter(Boolean),
    state: parseFileCommand(f('state')),
    runnerTemp: path.join(root, 'temp'),
    toolCache: path.join(root, 'tool-cache'),
    requests: o.fake.requests.slice(firstRequest),
    durationMs: Date.now() - started
  }
}
