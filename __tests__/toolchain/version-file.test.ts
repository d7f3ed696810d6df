import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseVersionFile, VersionFileError } from '../../src/toolchain/version-file.js'

// Written by the real go command: __tests__/testdata/toolchain/regenerate.sh
const fixtures = join(import.meta.dirname, '..', 'testdata', 'toolchain', 'versionfiles')
const read = (p: string): string => readFileSync(join(fixtures, p), 'utf8')

describe('parseVersionFile', () => {
  it('go.mod: the toolchain directive wins over the go directive', () => {
    expect(parseVersionFile('go.mod', read('toolchain/go.mod'))).toBe('1.26.8')
  })

  it('go.mod: with GOTOOLCHAIN=local the go directive is the requirement', () => {
    const content = read('toolchain/go.mod')
    expect(parseVersionFile('go.mod', content, { ignoreToolchain: true })).toBe('1.25.0')
  })

  it('go.mod: only a go directive', () => {
    expect(parseVersionFile('/repo/sub/go.mod', read('goline/go.mod'))).toBe('1.24')
  })

  it('go.work: same rules, pre-release toolchains included', () => {
    expect(parseVersionFile('go.work', read('work/go.work'))).toBe('1.26rc2')
    expect(parseVersionFile('go.work', read('work/go.work'), { ignoreToolchain: true })).toBe(
      '1.25.4'
    )
  })

  it('go.mod: comments, CRLF, `toolchain default`, custom suffixes and blocks', () => {
    const crlf = 'module m\r\n\r\ngo 1.22 // minimum\r\n\r\ntoolchain go1.23.4+auto\r\n'
    expect(parseVersionFile('go.mod', crlf)).toBe('1.23.4')
    expect(parseVersionFile('go.mod', 'module m\ngo 1.21.0\ntoolchain default\n')).toBe('1.21.0')
    // A `go` word inside a block is not the go directive.
    const block = 'module m\nrequire (\n\tgo 1.99\n)\n// go 1.98\ngo 1.22.3\n'
    expect(parseVersionFile('go.mod', block)).toBe('1.22.3')
    expect(() => parseVersionFile('go.mod', 'module m\n')).toThrow(VersionFileError)
    expect(() => parseVersionFile('go.mod', 'module m\n')).toThrow('no "go" directive')
  })

  it('.tool-versions: the golang line (first version when several)', () => {
    const content = '# tools\nnodejs 24.4.0\ngolang 1.26.8 1.25.4 # pinned\nrust 1.90\n'
    expect(parseVersionFile('.tool-versions', content)).toBe('1.26.8')
    expect(() => parseVersionFile('.tool-versions', 'nodejs 24\n')).toThrow('no "golang" line')
  })

  it('.go-version and any other file: the trimmed content', () => {
    expect(parseVersionFile('.go-version', '  1.26.8\n')).toBe('1.26.8')
    expect(parseVersionFile('ci/go-version.txt', '\n# pinned\ngo1.25.x\n')).toBe('go1.25.x')
    expect(() => parseVersionFile('.go-version', ' \n\n')).toThrow('.go-version is empty')
  })
})
