import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { GateSettings, MetricSamples } from '../../src/bench/gate.js'

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

/** The action's default gate settings. */
export const GATE_SETTINGS: GateSettings = {
  alpha: 0.05,
  timeThreshold: 0.1,
  allocThreshold: 0.05,
  gcThreshold: 0.1
}

/** n values from `start` in steps of `step`. */
export const seq = (start: number, step: number, n = 10): number[] =>
  Array.from({ length: n }, (_, i) => start + i * step)

/** One metric of one benchmark under GOGC=100 in package `p`. */
export const metricSamples = (
  unit: string,
  base: number[],
  head: number[],
  benchmark = 'BenchmarkX'
): MetricSamples => ({ variant: 'GOGC=100', package: 'p', benchmark, unit, base, head })
