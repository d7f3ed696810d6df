/**
 * Results artifact upload through the real DefaultArtifactClient against the fake artifact
 * service (env set before the client is imported).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FAKE_RUNTIME_TOKEN, startFakeServer, type FakeServer } from '../harness/index.js'
import {
  artifactNameFor,
  sanitizeArtifactName,
  uploadResultsArtifact,
  type ArtifactClientPort
} from '../../src/github/artifact-upload.js'

let fake: FakeServer
let client: ArtifactClientPort
let dir: string
const logs: { info: string[]; warning: string[] } = { info: [], warning: [] }
const logger = {
  info: (m: string) => logs.info.push(m),
  warning: (m: string) => logs.warning.push(m)
}

beforeAll(async () => {
  fake = await startFakeServer()
  Object.assign(process.env, {
    ACTIONS_RUNTIME_TOKEN: FAKE_RUNTIME_TOKEN,
    ACTIONS_RESULTS_URL: fake.resultsUrl,
    GITHUB_SERVER_URL: 'http://github.localhost'
  })
  const { DefaultArtifactClient } = await import('@actions/artifact')
  client = new DefaultArtifactClient()
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grgg-art-'))
  fs.writeFileSync(path.join(dir, 'report.json'), '{"schema":"x"}')
  fs.mkdirSync(path.join(dir, 'profiles'))
  fs.writeFileSync(path.join(dir, 'profiles', 'cpu.pprof'), 'pprof bytes')
})
afterAll(async () => fake.close())

const links = { serverUrl: 'http://github.localhost', repository: 'owner/repo', runId: 4242 }
const files = () => [path.join(dir, 'report.json'), path.join(dir, 'profiles', 'cpu.pprof')]

describe('artifact names', () => {
  it('are unique per job, variant, shard and attempt, without rejected characters', () => {
    expect(
      artifactNameFor({
        prefix: 'go-race-gc-guard',
        job: 'check',
        shard: { index: 2, total: 4 },
        attempt: 1
      })
    ).toBe('go-race-gc-guard-check-shard-2of4-attempt-1')
    expect(
      artifactNameFor({ prefix: 'g', job: 'check', variant: 'linux/go:1.26', attempt: '3' })
    ).toBe('g-check-linux-go-1.26-attempt-3')
    expect(sanitizeArtifactName('a"b:c<d>e|f*g?h\r\ni\\j/k')).toBe('a-b-c-d-e-f-g-h-i-j-k')
    expect(sanitizeArtifactName('///')).toBe('artifact')
    expect(sanitizeArtifactName('x'.repeat(500))).toHaveLength(200)
  })
})

describe('uploadResultsArtifact', () => {
  it('uploads the files under their relative paths and links the artifact page', async () => {
    const res = await uploadResultsArtifact(client, {
      name: 'results: job/1',
      files: files(),
      rootDir: dir,
      retentionDays: 7,
      logger,
      links
    })
    expect(res?.name).toBe('results-job-1')
    expect(res?.url).toBe(
      `http://github.localhost/owner/repo/actions/runs/4242/artifacts/${res?.id}`
    )
    const entries = fake.artifacts.entries('results-job-1')
    expect(Object.keys(entries).sort()).toEqual(['profiles/cpu.pprof', 'report.json'])
    expect(entries['report.json'].toString()).toBe('{"schema":"x"}')
    expect(fake.artifacts.get('results-job-1')?.expiresAt).toBeTruthy()
  })

  it('answers a 409 (name taken in this run) with a suffixed name, keeping the other artifact', async () => {
    const first = await uploadResultsArtifact(client, {
      name: 'rerun',
      files: files(),
      rootDir: dir,
      logger
    })
    const second = await uploadResultsArtifact(client, {
      name: 'rerun',
      files: files(),
      rootDir: dir,
      logger
    })
    expect(first?.name).toBe('rerun')
    expect(second?.name).toBe('rerun-2')
    expect(second?.id).not.toBe(first?.id)
    expect(fake.requestsTo('POST', 'CreateArtifact').filter((r) => r.status === 409)).toHaveLength(
      1
    )
    expect(fake.artifacts.list().map((a) => a.name)).toEqual(
      expect.arrayContaining(['rerun', 'rerun-2'])
    )
  })

  it('turns a failed upload into a warning and null', async () => {
    fake.inject({
      path: 'CreateArtifact',
      status: 403,
      body: { code: 'permission_denied', msg: 'nope' }
    })
    logs.warning.length = 0
    const res = await uploadResultsArtifact(client, {
      name: 'denied',
      files: files(),
      rootDir: dir,
      logger
    })
    expect(res).toBeNull()
    expect(logs.warning.join('\n')).toMatch(/Uploading the results artifact failed: .*403/)
  })

  it('skips missing files and returns null when nothing is left', async () => {
    logs.warning.length = 0
    const res = await uploadResultsArtifact(client, {
      name: 'empty',
      files: [path.join(dir, 'nope.json')],
      rootDir: dir,
      logger
    })
    expect(res).toBeNull()
    expect(logs.warning).toHaveLength(2)
    expect(fake.artifacts.get('empty')).toBeUndefined()
  })
})
