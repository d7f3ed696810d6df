import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const TESTDATA = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'testdata',
  'bench'
)

/** Reads a real fixture written by __tests__/testdata/bench/generate.sh. */
export function fixture(name: string): string {
  return readFileSync(path.join(TESTDATA, 'fixtures', name), 'utf8')
}

/** The exit status generate.sh recorded for a fixture. */
export function fixtureExit(name: string): number {
  return Number(/exit=(\d+)/.exec(fixture(`${name}.exit`))![1])
}
