/** Errors the Go setup step raises; each message says what to change. */

/** The downloaded archive's sha256 differs from the one go.dev's version list gives. */
export class ChecksumMismatchError extends Error {
  constructor(
    readonly url: string,
    readonly expected: string,
    readonly actual: string
  ) {
    super(
      `sha256 mismatch for ${url}: expected ${expected}, got ${actual}. ` +
        'The archive was refused (corrupted download or tampered mirror).'
    )
    this.name = 'ChecksumMismatchError'
  }
}

/** No release matches the requested spec for this platform. */
export class UnknownGoVersionError extends Error {
  constructor(
    readonly spec: string,
    readonly platform: string,
    readonly suggestions: string[],
    source: string
  ) {
    const hint = suggestions.length ? ` Available near it: ${suggestions.join(', ')}.` : ''
    super(`No Go release matches "${spec}" for ${platform} at ${source}.${hint}`)
    this.name = 'UnknownGoVersionError'
  }
}

/** No Go was requested and none is on PATH, or a requested Go could not be run. */
export class GoNotFoundError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'GoNotFoundError'
  }
}

/** `go-version` or the version file's content is not a spec this action understands. */
export class InvalidGoVersionError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InvalidGoVersionError'
  }
}
