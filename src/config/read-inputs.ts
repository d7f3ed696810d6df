import { INPUT_NAMES } from './defaults.js'
import type { RawInputs } from './parse-config.js'

/**
 * Reads raw inputs the way @actions/core getInput does (`INPUT_<NAME>`, upper-cased, spaces as
 * underscores, hyphens kept, value trimmed). An unset variable means "use the default", so the
 * bundle behaves the same whether or not the runner filled in defaults; a set but empty value
 * (e.g. `bench: ''` to disable benchmarks) is kept.
 */
export function readRawInputs(env: NodeJS.ProcessEnv): RawInputs {
  const raw: RawInputs = {}
  for (const name of INPUT_NAMES) {
    const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]
    if (value !== undefined) raw[name] = value.trim()
  }
  return raw
}
