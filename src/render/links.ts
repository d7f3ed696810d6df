/**
 * Link targets built from report data. In report mode the whole report comes from an artifact a
 * PR could have written, so even the server URL, owner, SHAs and run URL are validated here and a
 * link is simply left out when a part does not look right.
 */
import type { RepoInfo } from '../domain/model.js'

const OWNER_REPO = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/
const SHA = /^[0-9a-f]{7,64}$/i
/** What a finished link destination may contain: no spaces, parentheses, quotes, `<>`, `&`. */
const SAFE_HREF = /^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?(?:\/[A-Za-z0-9%._~\-/]*)?(?:#L\d+)?$/

/** Percent-encodes one path segment, including the characters `encodeURIComponent` leaves alone. */
export function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(
    /[!'()*]/g,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()
  )
}

/** `https://host[:port]` of the server, or null when it is not a plain http(s) origin. */
export function safeOrigin(serverUrl: string): string | null {
  try {
    const url = new URL(serverUrl)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
    if (url.username || url.password) return null
    return SAFE_HREF.test(url.origin) ? url.origin : null
  } catch {
    return null
  }
}

/** A commit SHA if it is one (hex, 7–64 digits), else null. */
export function safeSha(sha: string | null | undefined): string | null {
  return typeof sha === 'string' && SHA.test(sha) ? sha.toLowerCase() : null
}

/**
 * Repository-relative `/`-separated path from the module directory and a module-relative file,
 * or null when either has an empty, `.` or `..` segment, a backslash or a control character.
 */
export function repoPath(moduleDir: string, relFile: string): string | null {
  const parts = [...moduleDir.split('/').filter((p) => p !== ''), ...relFile.split('/')]
  const bad = (p: string): boolean => p === '' || p === '.' || p === '..' || /[\\\p{C}]/u.test(p)
  if (parts.length === 0 || parts.some(bad)) return null
  return parts.join('/')
}

function repoBase(repo: RepoInfo): string | null {
  const origin = safeOrigin(repo.serverUrl)
  if (!origin || !OWNER_REPO.test(repo.owner) || !OWNER_REPO.test(repo.repo)) return null
  return `${origin}/${encodeSegment(repo.owner)}/${encodeSegment(repo.repo)}`
}

/** `{server}/{owner}/{repo}/blob/{sha}/{moduleDir}/{relFile}#L{line}`, or null. */
export function blobUrl(
  repo: RepoInfo,
  sha: string | null,
  relFile: string,
  line: number
): string | null {
  const base = repoBase(repo)
  const commit = safeSha(sha)
  const path = repoPath(repo.moduleDir, relFile)
  if (!base || !commit || !path) return null
  const anchor = Number.isSafeInteger(line) && line > 0 ? `#L${line}` : ''
  const href = `${base}/blob/${commit}/${path.split('/').map(encodeSegment).join('/')}${anchor}`
  return SAFE_HREF.test(href) ? href : null
}

/**
 * Re-serialises a run or artifact URL from the report, but only when it is on the same origin as
 * the repository's server; query and fragment are dropped. Null otherwise.
 */
export function sameOriginUrl(repo: RepoInfo, url: string | null | undefined): string | null {
  const origin = safeOrigin(repo.serverUrl)
  if (!origin || typeof url !== 'string') return null
  try {
    const parsed = new URL(url)
    if (parsed.origin !== origin || parsed.username || parsed.password) return null
    const path = parsed.pathname
      .split('/')
      .map((seg) => encodeSegment(decodeURIComponent(seg)))
      .join('/')
    const href = origin + path
    return SAFE_HREF.test(href) ? href : null
  } catch {
    return null
  }
}

/** The numeric run id at the end of `…/actions/runs/{id}[/attempts/{n}]`, or null. */
export function runIdOf(runUrl: string | null | undefined): number | null {
  const m = typeof runUrl === 'string' ? /\/actions\/runs\/(\d{1,20})(?:\/|$)/.exec(runUrl) : null
  const id = m ? Number(m[1]) : NaN
  return Number.isSafeInteger(id) ? id : null
}
