/**
 * One loopback HTTP server standing in for everything the action talks to: the GitHub REST API
 * (under `/api/v3`), the artifact service (Twirp + Azure block blobs) and the Go download site
 * (under `/dl/`). It records every request and can be told to fail specific ones.
 * See README.md in this folder for the API.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { FakeGitHub } from './fake-github.js'
import { FakeArtifacts } from './fake-artifacts.js'
import { FakeGoDownloads } from './fake-go-dl.js'

/** One request as the fake received it. */
export interface RecordedRequest {
  method: string
  /** Path and query, as sent. */
  path: string
  /** Pathname only (no query). */
  pathname: string
  query: URLSearchParams
  headers: http.IncomingHttpHeaders
  body: Buffer
  /** The body as UTF-8 text. */
  text: string
  /** Parsed JSON body, or undefined when it is not JSON. */
  json: unknown
  /** Status the fake answered with (set once answered; 0 when the connection was dropped). */
  status: number
}

/** A response the fake gives instead of (or after) the normal handler. */
export interface Fault {
  /** Only requests with this method (any when omitted). */
  method?: string
  /** Only requests whose pathname contains this string / matches this RegExp (any when omitted). */
  path?: string | RegExp
  /** Status to answer with (ignored when `dropConnection`). */
  status?: number
  /** JSON body (objects) or raw text. Defaults to `{"message": "fault <status>"}`. */
  body?: unknown
  headers?: Record<string, string>
  /** How many matching requests this applies to (default 1; use Infinity for "always"). */
  times?: number
  /** Run the normal handler first (the write lands) and then answer with the fault: an "ambiguous" failure. */
  afterHandling?: boolean
  /** Destroy the socket instead of answering (a network error). */
  dropConnection?: boolean
}

/** What a route handler answers. `body` objects are sent as JSON. */
export interface FakeResponse {
  status: number
  headers?: Record<string, string>
  body?: unknown
}

/** A route handler: an answer, or null when the route is not its. */
export type Handler = (
  req: RecordedRequest,
  baseUrl: string
) => FakeResponse | null | Promise<FakeResponse | null>

/** JSON response helper for handlers. */
export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): FakeResponse {
  return { status, body, headers: { 'content-type': 'application/json', ...headers } }
}

export interface FakeServer {
  /** `http://127.0.0.1:<port>` */
  url: string
  /** GitHub REST base URL: `<url>/api/v3` (use as GITHUB_API_URL / Octokit baseUrl). */
  apiUrl: string
  /** Artifact service origin (use as ACTIONS_RESULTS_URL). */
  resultsUrl: string
  /** Go download base URL (use as the `go-download-base-url` input): `<url>/dl`. */
  goDownloadUrl: string
  github: FakeGitHub
  artifacts: FakeArtifacts
  goDl: FakeGoDownloads
  /** Every request received, in arrival order. */
  requests: RecordedRequest[]
  /** Requests filtered by method and pathname substring / RegExp. */
  requestsTo(method: string, path: string | RegExp): RecordedRequest[]
  /** Queue a fault; faults are matched in the order they were queued. */
  inject(fault: Fault): void
  /** Faults still queued (with remaining `times`). */
  pendingFaults(): Fault[]
  /** Forget recorded requests and queued faults (state is kept). */
  clearLog(): void
  close(): Promise<void>
}

function matches(f: Fault, r: RecordedRequest): boolean {
  if (f.method && f.method.toUpperCase() !== r.method) return false
  if (f.path === undefined) return true
  return typeof f.path === 'string' ? r.pathname.includes(f.path) : f.path.test(r.pathname)
}

function faultResponse(f: Fault): FakeResponse {
  const status = f.status ?? 500
  const body = f.body === undefined ? { message: `fault ${status}` } : f.body
  return { status, body, headers: { 'content-type': 'application/json', ...(f.headers ?? {}) } }
}

function send(res: http.ServerResponse, r: FakeResponse): void {
  const raw =
    r.body === undefined
      ? ''
      : Buffer.isBuffer(r.body) || typeof r.body === 'string'
        ? r.body
        : JSON.stringify(r.body)
  res.writeHead(r.status, r.headers ?? {})
  res.end(raw)
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function record(req: http.IncomingMessage, body: Buffer): RecordedRequest {
  const u = new URL(req.url ?? '/', 'http://127.0.0.1')
  const text = body.toString('utf8')
  let json: unknown
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path: req.url ?? '/',
    pathname: u.pathname,
    query: u.searchParams,
    headers: req.headers,
    body,
    text,
    json,
    status: 0
  }
}

/** Start the fake on 127.0.0.1 with a random port. Call `close()` when done. */
export async function startFakeServer(): Promise<FakeServer> {
  const requests: RecordedRequest[] = []
  let faults: Array<Fault & { left: number }> = []
  const github = new FakeGitHub()
  const artifacts = new FakeArtifacts()
  const goDl = new FakeGoDownloads()
  const handlers: Handler[] = [
    (r, b) => github.handle(r, b),
    (r, b) => artifacts.handle(r, b),
    (r) => goDl.handle(r)
  ]
  let baseUrl = ''

  const route = async (rec: RecordedRequest): Promise<FakeResponse> => {
    for (const h of handlers) {
      const r = await h(rec, baseUrl)
      if (r) return r
    }
    return json(404, { message: 'Not Found (no fake route)', path: rec.path })
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const rec = record(req, await readBody(req))
      requests.push(rec)
      const fault = faults.find((f) => f.left > 0 && matches(f, rec))
      if (fault) {
        fault.left--
        faults = faults.filter((f) => f.left > 0)
      }
      if (fault?.dropConnection) {
        // An ambiguous failure when combined with afterHandling: the write may have landed.
        if (fault.afterHandling) await route(rec)
        req.socket.destroy()
        return
      }
      let answer: FakeResponse
      if (fault) {
        if (fault.afterHandling) await route(rec)
        answer = faultResponse(fault)
      } else {
        answer = await route(rec)
      }
      rec.status = answer.status
      send(res, answer)
    })().catch((e: unknown) => {
      send(res, json(500, { message: `fake server error: ${String(e)}` }))
    })
  })
  server.keepAliveTimeout = 1000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  baseUrl = `http://127.0.0.1:${port}`

  return {
    url: baseUrl,
    apiUrl: `${baseUrl}/api/v3`,
    resultsUrl: `${baseUrl}/`,
    goDownloadUrl: `${baseUrl}/dl`,
    github,
    artifacts,
    goDl,
    requests,
    requestsTo: (method, path) => requests.filter((r) => matches({ method, path }, r)),
    inject: (fault) => faults.push({ ...fault, left: fault.times ?? 1 }),
    pendingFaults: () => faults.map((f) => ({ ...f, times: f.left })),
    clearLog: () => {
      requests.length = 0
      faults = []
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
