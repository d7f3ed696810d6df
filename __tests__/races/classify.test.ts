import { describe, expect, it } from 'vitest'
import type { Race } from '../../src/domain/model.js'
import { classifyRaces, type BaseState, type SideRaces } from '../../src/races/classify.js'

const race = (fp: string, pkg = 'p'): Race => ({
  fingerprint: fp,
  package: pkg,
  tests: ['TestX'],
  outsideTest: false,
  accesses: [
    { kind: 'write', previous: false, goroutine: 2, frames: [], stackRestoreFailed: false },
    { kind: 'read', previous: true, goroutine: 3, frames: [], stackRestoreFailed: false }
  ],
  goroutines: [],
  occurrences: 1,
  sourceLines: ['', '']
})

function side(o: {
  races?: Race[]
  seen?: Record<string, number>
  runs?: Record<string, number>
  broken?: Record<string, string>
}): SideRaces {
  return {
    races: new Map((o.races ?? []).map((r) => [r.fingerprint, r])),
    seen: new Map(
      Object.entries(o.seen ?? Object.fromEntries((o.races ?? []).map((r) => [r.fingerprint, 1])))
    ),
    runs: new Map(Object.entries(o.runs ?? { p: 1 })),
    confirmRuns: new Map(),
    broken: new Map(Object.entries(o.broken ?? {}))
  }
}
const ran = (s: SideRaces, missing: string[] = []): BaseState => ({
  kind: 'ran',
  side: s,
  missing: new Set(missing)
})
const classes = (items: ReturnType<typeof classifyRaces>) =>
  items.map((i) => [i.race.fingerprint, i.class, i.reason])

describe('classifyRaces truth table', () => {
  it.each([
    // [head has, base has, base broken, expected class of "a"]
    ['head only, base tested', true, false, null, 'new'],
    ['both', true, true, null, 'existing'],
    ['base only', false, true, null, 'fixed'],
    ['head only, base did not build', true, false, 'did not build', 'unclassified'],
    ['both, base did not build (race still seen)', true, true, 'did not build', 'existing']
  ])('%s', (_n, onHead, onBase, baseBroken, expected) => {
    const a = race('a')
    const head = side({ races: onHead ? [a] : [], runs: { p: 2 } })
    const base = side({
      races: onBase ? [a] : [],
      runs: { p: 3 },
      broken: baseBroken ? { p: baseBroken } : {}
    })
    const [item] = classifyRaces({ head, base: ran(base) })
    expect(item.class).toBe(expected)
    if (expected === 'unclassified') expect(item.reason).toBe('base package did not build')
  })

  it('records tallies and reasons', () => {
    const a = race('a')
    const b = race('b')
    const head = side({ races: [a], runs: { p: 3 }, seen: { a: 1 } })
    const base = side({ races: [b], runs: { p: 4 }, seen: { b: 2 } })
    const items = classifyRaces({ head, base: ran(base) })
    expect(classes(items)).toEqual([
      ['a', 'new', 'not seen on base in 4 runs'],
      ['b', 'fixed', 'not seen on head in 0 of 3 runs']
    ])
    expect(items[0].head).toEqual({ runs: 3, seen: 1 })
    expect(items[0].base).toEqual({ runs: 4, seen: 0 })
    expect(items[1].base).toEqual({ runs: 4, seen: 2 })
  })

  it('without a base every head race is unclassified with the reason', () => {
    const head = side({ races: [race('a'), race('b')] })
    const items = classifyRaces({
      head,
      base: { kind: 'none', reason: 'no base: push without before' }
    })
    expect(items.map((i) => [i.class, i.reason])).toEqual([
      ['unclassified', 'no base: push without before'],
      ['unclassified', 'no base: push without before']
    ])
  })

  it('a package missing on base makes its races new; an untested package leaves them unclassified', () => {
    const head = side({
      races: [race('a', 'newpkg'), race('b', 'other')],
      runs: { newpkg: 1, other: 1 }
    })
    const items = classifyRaces({ head, base: ran(side({ runs: {} }), ['newpkg']) })
    expect(classes(items)).toEqual([
      ['a', 'new', 'package does not exist on base'],
      ['b', 'unclassified', 'package not tested on base']
    ])
  })

  it('a base race in a head package that did not build is not called fixed', () => {
    const head = side({ runs: { p: 1 }, broken: { p: 'timed out' } })
    const items = classifyRaces({ head, base: ran(side({ races: [race('a')] })) })
    expect(classes(items)).toEqual([['a', 'unclassified', 'head package timed out']])
  })

  it('orders new, existing, fixed, unclassified', () => {
    const [n, e, f, u] = [race('n'), race('e'), race('f'), race('u', 'q')]
    const head = side({ races: [u, e, n], runs: { p: 1, q: 1 } })
    const base = side({ races: [f, e], runs: { p: 1 }, broken: { q: 'did not build' } })
    expect(classifyRaces({ head, base: ran(base) }).map((i) => i.class)).toEqual([
      'new',
      'existing',
      'fixed',
      'unclassified'
    ])
  })
})
