import { describe, expect, it } from 'vitest'
import { splitArgs } from '../../src/config/split-args.js'

describe('splitArgs', () => {
  it.each([
    ['', []],
    ['-short', ['-short']],
    ['  -tags=a   -v ', ['-tags=a', '-v']],
    [`-tags 'a b'`, ['-tags', 'a b']],
    [`-ldflags="-X 'main.v=1'"`, [`-ldflags=-X 'main.v=1'`]],
    [`a\\ b`, ['a b']],
    [`"say \\"hi\\""`, ['say "hi"']],
    [`$(rm -rf /) ; echo`, ['$(rm', '-rf', '/)', ';', 'echo']],
    [`''`, ['']]
  ])('%j', (input, expected) => {
    expect(splitArgs(input)).toEqual(expected)
  })
  it('refuses unterminated quotes', () => {
    expect(splitArgs(`-tags "a`)).toBeNull()
    expect(splitArgs(`'`)).toBeNull()
  })
})
