import { describe, expect, it } from 'vitest'
import { StopCommandsSink } from '../../src/adapters/actions-logger.js'

describe('StopCommandsSink', () => {
  it('wraps untrusted output so it cannot issue workflow commands', () => {
    const written: string[] = []
    const sink = new StopCommandsSink((s) => written.push(s))
    sink.write('::add-mask::x\n::set-output name=verdict::pass\n')
    sink.end()
    const text = written.join('')
    const m = /^::stop-commands::([0-9a-f]{32})\n/.exec(text)
    expect(m).not.toBeNull()
    expect(text.endsWith(`\n::${m![1]}::\n`)).toBe(true)
    expect(text.indexOf('::add-mask::')).toBeGreaterThan(m![0].length - 1)
  })
  it('uses a fresh token per process', () => {
    const written: string[] = []
    const sink = new StopCommandsSink((s) => written.push(s))
    sink.write('a')
    sink.end()
    sink.write('b')
    sink.end()
    const tokens = written.join('').match(/::stop-commands::([0-9a-f]+)/g)
    expect(tokens).toHaveLength(2)
    expect(tokens![0]).not.toBe(tokens![1])
  })
})
