import { describe, expect, it } from 'vitest'
import { benchmarkDeclarations, locateBenchmarks, topLevelName } from '../../src/bench/sources.js'
import type { MetricComparison } from '../../src/domain/model.js'
import { MemFs } from './fakes.js'

describe('benchmark source locations', () => {
  it('finds top-level benchmark declarations by line', () => {
    const src = [
      'package m',
      '',
      'func BenchmarkA(b *testing.B) {}',
      'func helper() {}',
      'func BenchmarkB (b *testing.B) {',
      '\t// func BenchmarkC(b *testing.B) is inside a comment',
      '}'
    ].join('\n')
    expect([...benchmarkDeclarations(src)]).toEqual([
      ['BenchmarkA', 3],
      ['BenchmarkB', 5]
    ])
    expect(topLevelName('BenchmarkX/size=1k|`a`')).toBe('BenchmarkX')
    expect(topLevelName('BenchmarkX-8')).toBe('BenchmarkX')
  })

  it('adds module-relative locations to the comparisons of head benchmarks', async () => {
    const fs = new MemFs()
    await fs.mkdirp('/mod/buf')
    await fs.writeFile(
      '/mod/buf/buf_test.go',
      'package buf\n\nfunc BenchmarkEncode(b *testing.B) {}\n'
    )
    const c = {
      package: 'example.com/m/buf',
      benchmark: 'BenchmarkEncode/size=1k'
    } as MetricComparison
    const other = {
      package: 'example.com/m/other',
      benchmark: 'BenchmarkEncode'
    } as MetricComparison
    const target = {
      importPath: 'example.com/m/buf',
      slug: 'buf',
      base: null,
      head: {
        binary: '/b',
        dir: '/mod/buf',
        benchmarks: [],
        testFiles: ['/mod/buf/buf_test.go', '/mod/buf/gone_test.go']
      }
    }
    const [located, untouched] = await locateBenchmarks([c, other], [target], {
      moduleDir: '/mod',
      fs
    })
    expect(located.source).toEqual({ relFile: 'buf/buf_test.go', line: 3 })
    expect(untouched.source).toBeUndefined()
  })
})
