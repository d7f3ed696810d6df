/**
 * Reads the Go version a project asks for out of a `go-version-file`'s content. Pure: the caller
 * reads the file. Semantics follow actions/setup-go's `parseGoVersionFile`.
 */

export class VersionFileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'VersionFileError'
  }
}

export interface VersionFileOptions {
  /**
   * Ignore go.mod/go.work `toolchain` lines. Set when the user runs with GOTOOLCHAIN=local: they
   * asked Go to use the local toolchain, so the `go` line is the requirement (setup-go does the same).
   */
  ignoreToolchain?: boolean
}

/** The directives at the top level of a go.mod/go.work (outside `require (…)` blocks). */
function topLevelDirectives(content: string): Array<[verb: string, arg: string]> {
  const out: Array<[string, string]> = []
  let depth = 0
  for (const rawLine of content.split(/\r?\n/)) {
    const line = rawLine.replace(/\/\/.*$/, '').trim()
    if (line === '') continue
    if (depth > 0) {
      if (line === ')') depth--
      continue
    }
    if (line.endsWith('(')) {
      depth++
      continue
    }
    const m = /^(\S+)\s+(\S+)/.exec(line)
    if (m) out.push([m[1], m[2]])
  }
  return out
}

function fromGoMod(fileName: string, content: string, options: VersionFileOptions): string {
  const directives = topLevelDirectives(content)
  if (!options.ignoreToolchain) {
    // `toolchain go1.26.8` (optionally with a `+suffix`/`-suffix` on custom builds); `toolchain
    // default` names no version and falls through to the `go` line.
    const toolchain = directives.find(([verb]) => verb === 'toolchain')?.[1]
    const m = toolchain ? /^go(1\.\d+(?:\.\d+)?(?:(?:rc|beta)\d+)?)/.exec(toolchain) : null
    if (m) return m[1]
  }
  const go = directives.find(([verb]) => verb === 'go')?.[1]
  if (!go)
    throw new VersionFileError(`${fileName} has no "go" directive to take the Go version from`)
  return go
}

function fromToolVersions(fileName: string, content: string): string {
  for (const rawLine of content.split(/\r?\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim()
    const m = /^golang\s+(\S+)/.exec(line)
    // asdf allows several versions on one line; the first is the preferred one.
    if (m) return m[1]
  }
  throw new VersionFileError(`${fileName} has no "golang" line`)
}

/**
 * Returns the version spec written in a version file, by the file's base name: `go.mod` and `go.work`
 * (`toolchain` directive, else `go` directive), `.tool-versions` (`golang` line), anything else
 * (e.g. `.go-version`) is the trimmed content. Throws {@link VersionFileError} when none is present.
 */
export function parseVersionFile(
  fileName: string,
  content: string,
  options: VersionFileOptions = {}
): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName
  if (base === 'go.mod' || base === 'go.work') return fromGoMod(base, content, options)
  if (base === '.tool-versions') return fromToolVersions(base, content)
  // The first non-empty line: a `.go-version` sometimes ends up with a comment or a second line.
  const first = content
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== '' && !l.startsWith('#'))
  if (!first) throw new VersionFileError(`${base} is empty`)
  return first
}
