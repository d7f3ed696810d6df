/**
 * The artifact service: Twirp JSON (`/twirp/github.actions.results.api.v1.ArtifactService/*`),
 * Azure block-blob uploads (`PUT …&comp=block`, `PUT …&comp=blocklist`, reassembled in list
 * order), signed-URL downloads, and the public REST routes `GET /repos/{o}/{r}/actions/runs/{id}/artifacts`
 * and `GET /repos/{o}/{r}/actions/artifacts/{id}/zip` (302 to the blob) used with `findBy`.
 */
import { createHash, randomBytes } from 'node:crypto'
import AdmZip from 'adm-zip'
import { json, type FakeResponse, type RecordedRequest } from './fake-server.js'

/** The workflow run id uploads belong to (the harness sets GITHUB_RUN_ID to it). */
export const FAKE_RUN_ID = 4242
const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/'

export interface FakeArtifact {
  id: number
  name: string
  /** REST workflow run id (uploads: `FAKE_RUN_ID` unless `runId` is changed). */
  runId: number
  runBackendId: string
  jobBackendId: string
  /** Reassembled bytes (empty until finalized). */
  data: Buffer
  size: number
  /** `sha256:<hex>` as sent in FinalizeArtifact (or computed for seeded artifacts). */
  hash: string
  finalized: boolean
  createdAt: string
  blobPath: string
  expiresAt: string | null
  /** Headers of the last Put Block List (e.g. x-ms-blob-content-type). */
  contentType: string
}

type Body = Record<string, unknown>
const pick = (b: Body, snake: string, camel: string): unknown => b[snake] ?? b[camel]
const twirpError = (status: number, code: string, msg: string) => json(status, { code, msg })

export class FakeArtifacts {
  /** Run id given to uploaded artifacts. */
  runId = FAKE_RUN_ID
  readonly items: FakeArtifact[] = []
  private readonly blocks = new Map<string, Map<string, Buffer>>()
  private nextId = 9000
  private nextBlob = 1

  /** Finalized artifacts, optionally only those of one run. */
  list(runId?: number): FakeArtifact[] {
    return this.items.filter((a) => a.finalized && (runId === undefined || a.runId === runId))
  }

  /** The finalized artifact with this name (latest), or undefined. */
  get(name: string): FakeArtifact | undefined {
    return this.list()
      .filter((a) => a.name === name)
      .pop()
  }

  /** The entries of an artifact's zip: path → bytes (directories omitted). */
  entries(name: string): Record<string, Buffer> {
    const a = this.get(name)
    if (!a) throw new Error(`no artifact named ${name}`)
    const out: Record<string, Buffer> = {}
    for (const e of new AdmZip(a.data).getEntries())
      if (!e.isDirectory) out[e.entryName] = e.getData()
    return out
  }

  /** Seed a finalized artifact of another workflow run (for report mode). */
  seed(opts: { runId: number; name: string; data: Buffer }): FakeArtifact {
    const a = this.newRecord(opts.name, `run-${opts.runId}`, 'seeded-job')
    a.runId = opts.runId
    a.data = opts.data
    a.size = opts.data.length
    a.hash = `sha256:${createHash('sha256').update(opts.data).digest('hex')}`
    a.finalized = true
    a.id = this.nextId++
    return a
  }

  handle(req: RecordedRequest, baseUrl: string): FakeResponse | null {
    if (req.pathname.startsWith(TWIRP)) return this.twirp(req, baseUrl)
    if (req.pathname.startsWith('/api/v3/repos/')) return this.rest(req, baseUrl)
    if (req.pathname.startsWith('/acct/results/')) return this.blob(req)
    return null
  }

  private newRecord(name: string, runBackendId: string, jobBackendId: string): FakeArtifact {
    const a: FakeArtifact = {
      id: 0,
      name,
      runId: this.runId,
      runBackendId,
      jobBackendId,
      data: Buffer.alloc(0),
      size: 0,
      hash: '',
      finalized: false,
      createdAt: new Date().toISOString(),
      blobPath: `/acct/results/blob-${this.nextBlob++}.zip`,
      expiresAt: null,
      contentType: 'application/zip'
    }
    this.items.push(a)
    return a
  }

  private twirp(req: RecordedRequest, baseUrl: string): FakeResponse {
    const method = req.pathname.slice(TWIRP.length)
    const b = (req.json ?? {}) as Body
    const run = String(pick(b, 'workflow_run_backend_id', 'workflowRunBackendId') ?? '')
    const job = String(pick(b, 'workflow_job_run_backend_id', 'workflowJobRunBackendId') ?? '')
    const name = String(b.name ?? '')
    const inRun = this.items.filter((a) => a.runBackendId === run)
    const signed = (a: FakeArtifact, kind: string) =>
      `${baseUrl}${a.blobPath}?sig=${kind}-${randomBytes(6).toString('hex')}&se=2099-01-01`
    switch (method) {
      case 'CreateArtifact': {
        if (inRun.some((a) => a.finalized && a.name === name))
          return twirpError(
            409,
            'already_exists',
            'an artifact with this name already exists on the workflow run'
          )
        const a = this.newRecord(name, run, job)
        a.expiresAt = (pick(b, 'expires_at', 'expiresAt') as string | undefined) ?? null
        return json(200, { ok: true, signed_upload_url: signed(a, 'upload') })
      }
      case 'FinalizeArtifact': {
        const a = inRun.filter((x) => x.name === name && !x.finalized).pop()
        if (!a) return twirpError(404, 'not_found', `no pending artifact named ${name}`)
        a.size = Number(b.size ?? 0)
        a.hash = String(b.hash ?? '')
        a.finalized = true
        a.id = this.nextId++
        return json(200, { ok: true, artifact_id: String(a.id) })
      }
      case 'ListArtifacts': {
        const nameFilter = pick(b, 'name_filter', 'nameFilter')
        const idFilter = pick(b, 'id_filter', 'idFilter')
        const found = inRun.filter(
          (a) =>
            a.finalized &&
            (nameFilter === undefined || a.name === nameFilter) &&
            (idFilter === undefined || String(a.id) === String(idFilter))
        )
        return json(200, {
          artifacts: found.map((a) => ({
            workflow_run_backend_id: a.runBackendId,
            workflow_job_run_backend_id: a.jobBackendId,
            database_id: String(a.id),
            name: a.name,
            size: String(a.size),
            created_at: a.createdAt,
            digest: a.hash ? a.hash.replace(/^sha256:/, '') : undefined
          }))
        })
      }
      case 'GetSignedArtifactURL': {
        const a = inRun.filter((x) => x.finalized && x.name === name).pop()
        if (!a) return twirpError(404, 'not_found', `artifact ${name} not found`)
        return json(200, { signed_url: signed(a, 'download') })
      }
      case 'DeleteArtifact': {
        const a = inRun.filter((x) => x.finalized && x.name === name).pop()
        if (!a) return twirpError(404, 'not_found', `artifact ${name} not found`)
        this.items.splice(this.items.indexOf(a), 1)
        return json(200, { ok: true, artifact_id: String(a.id) })
      }
      default:
        return twirpError(404, 'bad_route', `no such method ${method}`)
    }
  }

  private blob(req: RecordedRequest): FakeResponse {
    const a = this.items.filter((x) => x.blobPath === req.pathname).pop()
    if (!a) return { status: 404, body: 'BlobNotFound' }
    if (req.method === 'GET' || req.method === 'HEAD') {
      return {
        status: 200,
        headers: {
          'content-type': 'application/zip',
          'content-length': String(a.data.length)
        },
        body: req.method === 'GET' ? a.data : undefined
      }
    }
    if (req.method !== 'PUT') return { status: 405 }
    const comp = req.query.get('comp')
    const staged = this.blocks.get(a.blobPath) ?? new Map<string, Buffer>()
    this.blocks.set(a.blobPath, staged)
    if (comp === 'block') {
      staged.set(String(req.query.get('blockid')), req.body)
    } else if (comp === 'blocklist') {
      const ids = [...req.text.matchAll(/<(?:Latest|Committed|Uncommitted)>([^<]*)<\//g)].map(
        (m) => m[1]
      )
      const missing = ids.filter((id) => !staged.has(id))
      if (missing.length) return { status: 400, body: `InvalidBlockList: ${missing.join(',')}` }
      a.data = Buffer.concat(ids.map((id) => staged.get(id) as Buffer))
      a.contentType = String(req.headers['x-ms-blob-content-type'] ?? a.contentType)
      this.blocks.delete(a.blobPath)
    } else {
      a.data = req.body // single-shot Put Blob
    }
    return { status: 201, headers: { 'x-ms-request-server-encrypted': 'true' } }
  }

  private rest(req: RecordedRequest, baseUrl: string): FakeResponse | null {
    const runM = /\/actions\/runs\/(\d+)\/artifacts$/.exec(req.pathname)
    if (runM && req.method === 'GET') {
      const all = this.list(Number(runM[1]))
      const perPage = Math.min(100, Number(req.query.get('per_page') ?? 30) || 30)
      const page = Math.max(1, Number(req.query.get('page') ?? 1) || 1)
      const slice = all.slice((page - 1) * perPage, page * perPage)
      return json(200, {
        total_count: all.length,
        artifacts: slice.map((a) => ({
          id: a.id,
          name: a.name,
          size_in_bytes: a.size,
          expired: false,
          created_at: a.createdAt,
          digest: a.hash || null,
          archive_download_url: `${baseUrl}/api/v3/repos/o/r/actions/artifacts/${a.id}/zip`,
          workflow_run: { id: a.runId }
        }))
      })
    }
    const zipM = /\/actions\/artifacts\/(\d+)\/zip$/.exec(req.pathname)
    if (zipM && req.method === 'GET') {
      const a = this.list().find((x) => x.id === Number(zipM[1]))
      if (!a) return json(404, { message: 'Not Found' })
      return { status: 302, headers: { location: `${baseUrl}${a.blobPath}?sig=dl-${a.id}` } }
    }
    return null
  }
}
