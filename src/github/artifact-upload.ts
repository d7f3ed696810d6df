/**
 * Uploads the job's result files (JSON report, profiles) as one artifact whose name is unique per
 * job, shard and attempt. A failed upload is a warning: it never costs the verdict or the comment.
 */
import fs from 'node:fs'
import type { Logger } from '../ports.js'

/** The slice of @actions/artifact's client used here (DefaultArtifactClient fits it). */
export interface ArtifactClientPort {
  uploadArtifact(
    name: string,
    files: string[],
    rootDirectory: string,
    options?: { retentionDays?: number }
  ): Promise<{ id?: number; size?: number; digest?: string }>
}

/** Characters the artifact service rejects in names: `" : < > | * ? \r \n \ /`. */
const REJECTED = /[":<>|*?\r\n\\/]/g
const MAX_NAME = 200

/** Replace rejected characters and whitespace with `-`, collapse runs of `-`, trim, cap the length. */
export function sanitizeArtifactName(name: string): string {
  const clean = name
    .replace(REJECTED, '-')
    .replace(/\s+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-\s.]+|[-\s.]+$/g, '')
    .slice(0, MAX_NAME)
  return clean || 'artifact'
}

/**
 * A name unique within a workflow run: `<prefix>-<job>[-<variant>][-shard-<i>of<n>]-attempt-<a>`.
 * `variant` separates matrix legs that share a job id (pass e.g. the comment-header).
 */
export function artifactNameFor(o: {
  prefix: string
  job: string
  shard?: { index: number; total: number } | null
  variant?: string
  attempt: number | string
}): string {
  const parts = [o.prefix, o.job]
  if (o.variant) parts.push(o.variant)
  if (o.shard) parts.push(`shard-${o.shard.index}of${o.shard.total}`)
  parts.push(`attempt-${o.attempt}`)
  return sanitizeArtifactName(parts.join('-'))
}

/** The artifact's page: `${serverUrl}/${repository}/actions/runs/${runId}/artifacts/${id}`. */
export function artifactUrl(o: {
  serverUrl: string
  repository: string
  runId: string | number
  id: number
}): string {
  return `${o.serverUrl.replace(/\/+$/, '')}/${o.repository}/actions/runs/${o.runId}/artifacts/${o.id}`
}

export interface UploadResultsOptions {
  name: string
  /** Absolute paths, all inside `rootDir`; missing files are skipped with a warning. */
  files: string[]
  rootDir: string
  retentionDays?: number
  logger: Pick<Logger, 'info' | 'warning'>
  /** For the artifact URL; when omitted `url` is null. */
  links?: { serverUrl: string; repository: string; runId: string | number }
  /** Names tried after a 409 conflict: `<name>-2`, `<name>-3`, … (default 3 more). */
  conflictRetries?: number
}

export interface UploadedArtifact {
  id: number
  name: string
  url: string | null
  size: number | null
}

const isConflict = (e: unknown): boolean =>
  /\(409\)|Conflict|already exists/i.test(String((e as Error)?.message ?? e))

/**
 * Upload, returning the artifact, or null (after a warning) when nothing could be uploaded.
 * A 409 (the name exists in this run, e.g. a re-run without a new attempt number, or two matrix
 * legs with the same name) is answered by suffixing the name — never by deleting an artifact that
 * another job may own.
 */
export async function uploadResultsArtifact(
  client: ArtifactClientPort,
  o: UploadResultsOptions
): Promise<UploadedArtifact | null> {
  const files = o.files.filter((f) => {
    const ok = fs.existsSync(f)
    if (!ok) o.logger.warning(`Not uploading ${f}: the file does not exist.`)
    return ok
  })
  if (files.length === 0) {
    o.logger.warning('No result files to upload as an artifact.')
    return null
  }
  const base = sanitizeArtifactName(o.name)
  const tries = 1 + (o.conflictRetries ?? 3)
  for (let i = 1; i <= tries; i++) {
    const name = i === 1 ? base : sanitizeArtifactName(`${base}-${i}`)
    try {
      // The client's own try/catch misses async failures, so every rejection lands here.
      const res = await client.uploadArtifact(name, files, o.rootDir, {
        retentionDays: o.retentionDays
      })
      if (res.id === undefined) throw new Error('the artifact service returned no id')
      o.logger.info(`Uploaded artifact ${name} (id ${res.id}, ${res.size ?? '?'} bytes).`)
      return {
        id: res.id,
        name,
        url: o.links ? artifactUrl({ ...o.links, id: res.id }) : null,
        size: res.size ?? null
      }
    } catch (e) {
      if (isConflict(e) && i < tries) {
        o.logger.info(`An artifact named ${name} already exists in this run; trying another name.`)
        continue
      }
      o.logger.warning(
        `Uploading the results artifact failed: ${(e as Error).message ?? String(e)}`
      )
      return null
    }
  }
  return null
}
