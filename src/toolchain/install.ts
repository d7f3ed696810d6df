/**
 * Downloads a go.dev archive, verifies its sha256 before anything is extracted, and installs it
 * into the runner tool cache.
 */
import { createHash } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { ChecksumMismatchError } from './errors.js'
import { toSemver } from './go-version.js'
import type { ToolCachePort } from './ports.js'
import type { ResolvedRelease } from './resolve.js'

/** Hex sha256 of a file, streamed (Go archives are ~70 MB). */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

export interface InstallInput {
  release: ResolvedRelease
  /** go-download-base-url without a trailing slash. */
  baseUrl: string
  /** Node arch name the tool cache uses (`x64`), so preinstalled Go on hosted runners matches. */
  arch: string
}

/**
 * Downloads, verifies, extracts and caches one release; returns the cached Go root. The caller
 * has already checked the release list came from `baseUrl`.
 */
export async function installRelease(
  input: InstallInput,
  deps: { toolCache: ToolCachePort; log: (line: string) => void }
): Promise<string> {
  const { release, baseUrl, arch } = input
  const url = `${baseUrl}/${encodeURIComponent(release.file.filename)}`
  deps.log(`Downloading ${url} (${release.file.size} bytes)`)
  const archive = await deps.toolCache.downloadTool(url)
  try {
    const actual = await sha256File(archive)
    const expected = release.file.sha256.toLowerCase()
    if (actual !== expected) throw new ChecksumMismatchError(url, expected, actual)
    deps.log(`sha256 verified: ${actual}`)
    const extracted = release.file.filename.endsWith('.zip')
      ? await deps.toolCache.extractZip(archive)
      : await deps.toolCache.extractTar(archive)
    // go.dev archives hold a top-level `go/`; tolerate a mirror that repacked without it.
    const root = existsSync(join(extracted, 'go', 'bin')) ? join(extracted, 'go') : extracted
    if (!existsSync(join(root, 'bin'))) {
      throw new Error(`${release.file.filename} has no go/bin directory; is it a Go archive?`)
    }
    return await deps.toolCache.cacheDir(root, 'go', toSemver(release.version), arch)
  } finally {
    // A refused or installed archive is no longer needed; a failure to delete is harmless.
    await rm(archive, { force: true }).catch(() => undefined)
  }
}
