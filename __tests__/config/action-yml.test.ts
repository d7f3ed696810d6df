import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { INPUTS, OUTPUTS } from '../../src/config/defaults.js'

const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
  name: string
  runs: { using: string; main: string }
  inputs: Record<string, { default: string; description: string }>
  outputs: Record<string, { description: string }>
}

describe('action.yml mirrors the defaults in code', () => {
  it('declares node24 and the bundle', () => {
    expect(action.name).toBe('Go Race & GC Guard')
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })
  it('has exactly the inputs of src/config/defaults.ts with the same defaults and descriptions', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.keys(INPUTS).sort())
    for (const [name, spec] of Object.entries(INPUTS)) {
      expect(String(action.inputs[name].default), name).toBe(spec.default)
      expect(action.inputs[name].description, name).toBe(spec.description)
    }
  })
  it('has exactly the outputs in code', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(Object.keys(OUTPUTS).sort())
  })
  it('is documented in the README: every input and output appears there', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    for (const name of [...Object.keys(INPUTS), ...Object.keys(OUTPUTS)]) {
      expect(readme, name).toContain(`\`${name}\``)
    }
  })
})
