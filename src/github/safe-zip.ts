/**
 * Reads chosen entries of an untrusted zip into memory, with limits. Nothing is extracted to
 * disk, so no path can escape; entry names are still checked so a tampered artifact is refused
 * loudly instead of half-read.
 */
import yauzl from 'yauzl'

export interface ZipLimits {
  maxEntries: number
  /** Largest single entry we read, uncompressed. */
  maxEntryBytes: number
  /** Sum of uncompressed sizes of all entries (declared), zip-bomb guard. */
  maxTotalBytes: number
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 1000,
  maxEntryBytes: 32 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024
}

/** The artifact is malformed or hostile; the message says what was refused. */
export class HostileArtifactError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'HostileArtifactError'
  }
}

/** Why an entry name is unsafe, or null. */
export function unsafeEntryName(name: string): string | null {
  if (name.includes('\0')) return 'contains a NUL byte'
  if (name.includes('\\')) return 'contains a backslash'
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'is an absolute path'
  if (name.split('/').some((seg) => seg === '..')) return 'climbs out of the folder (..)'
  return null
}

const S_IFMT = 0o170000
const S_IFLNK = 0o120000

/**
 * Read the entries `want(name)` selects, after checking every entry against the limits.
 * Throws `HostileArtifactError` for traversal, absolute paths, symlinks, too many or too big entries.
 */
export async function readZipEntries(
  zipPath: string,
  want: (name: string) => boolean,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS
): Promise<Map<string, Buffer>> {
  let zip: yauzl.ZipFile
  try {
    // validateEntrySizes makes yauzl fail when an entry inflates beyond its declared size.
    zip = await yauzl.openPromise(zipPath, {
      lazyEntries: true,
      validateEntrySizes: true,
      // Raw names: yauzl's own checks would reject traversal with a vaguer message than ours.
      decodeStrings: false
    })
  } catch (e) {
    throw new HostileArtifactError(`not a readable zip: ${(e as Error).message}`)
  }
  const out = new Map<string, Buffer>()
  let count = 0
  let total = 0
  try {
    for await (const entry of zip.eachEntry()) {
      count++
      if (count > limits.maxEntries)
        throw new HostileArtifactError(`more than ${limits.maxEntries} entries`)
      const name = Buffer.from(entry.fileName as unknown as Uint8Array).toString('utf8')
      const bad = unsafeEntryName(name)
      if (bad) throw new HostileArtifactError(`entry ${JSON.stringify(name)} ${bad}`)
      if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) {
        throw new HostileArtifactError(`entry ${JSON.stringify(name)} is a symbolic link`)
      }
      total += entry.uncompressedSize
      if (total > limits.maxTotalBytes) {
        throw new HostileArtifactError(`entries add up to more than ${limits.maxTotalBytes} bytes`)
      }
      if (name.endsWith('/') || !want(name)) continue
      if (entry.uncompressedSize > limits.maxEntryBytes) {
        throw new HostileArtifactError(
          `entry ${JSON.stringify(name)} is larger than ${limits.maxEntryBytes} bytes`
        )
      }
      out.set(name, await readEntry(zip, entry, name, limits.maxEntryBytes))
    }
  } catch (e) {
    if (e instanceof HostileArtifactError) throw e
    throw new HostileArtifactError(`unreadable zip: ${(e as Error).message}`)
  } finally {
    zip.close()
  }
  return out
}

async function readEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  name: string,
  max: number
): Promise<Buffer> {
  const stream = await zip.openReadStreamPromise(entry)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > max) {
      stream.destroy()
      throw new HostileArtifactError(`entry ${JSON.stringify(name)} inflates beyond ${max} bytes`)
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}
