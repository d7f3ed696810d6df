import { describe, expect, it } from 'vitest'
import { parseGoList, selectShard, shardOf } from '../../src/packages.js'

describe('packages', () => {
  it('parses go list output and keeps packages that cannot load', () => {
    const { packages } = parseGoList(
      'example.com/m\t/w/m\t2\t0\t\nexample.com/m/notests\t/w/m/notests\t0\t0\t\nexample.com/m/bad\t/w/m/bad\t0\t0\tsyntax error\n'
    )
    expect(packages).toEqual([
      { importPath: 'example.com/m', dir: '/w/m', hasTests: true, error: null },
      { importPath: 'example.com/m/notests', dir: '/w/m/notests', hasTests: false, error: null },
      { importPath: 'example.com/m/bad', dir: '/w/m/bad', hasTests: false, error: 'syntax error' }
    ])
  })
  it('splits into disjoint shards that cover everything, independent of list order', () => {
    const all = Array.from({ length: 200 }, (_, i) => `example.com/m/p${i}`)
    const shards = [1, 2, 3, 4].map((index) => selectShard(all, { index, total: 4 }))
    expect(shards.flat().sort()).toEqual([...all].sort())
    expect(new Set(shards.flat()).size).toBe(all.length)
    for (const s of shards) expect(s.length).toBeGreaterThan(25)
    expect(selectShard([...all].reverse(), { index: 2, total: 4 }).sort()).toEqual(
      [...shards[1]].sort()
    )
    // Adding a package moves no other package.
    expect(shardOf('example.com/m/p7', 4)).toBe(shardOf('example.com/m/p7', 4))
    expect(selectShard(all, null)).toBe(all)
  })
})
