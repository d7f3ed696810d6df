import { INPUT_NAMES, type InputName } from './config/defaults.js'
import type { RawInputs } from './config/parse-config.js'

export interface CliOptions {
  dir: string
  out: string
  inputs: RawInputs
  help: boolean
}

export const CLI_USAGE = `Usage: go-race-gc-guard [--dir DIR] [--base REF] [--out FILE] [--<input> VALUE ...]

Runs the go-race-gc-guard pipeline locally: go test -race and benchmarks under GC settings on the
checkout in DIR (default .) and on REF (a branch, tag or SHA), then prints the markdown report and
writes the JSON report to FILE (default go-race-gc-guard-report.json).

Every action input is a flag: --bench-count 5, --gc-variants 100,off, --race-base full, --bench ''.
--base is short for --base-ref. No GitHub access is needed or made.`

/** Parses argv (pure). Throws an Error naming the bad flag. */
export function parseCliArgs(argv: string[]): CliOptions {
  const opts: CliOptions = {
    dir: '.',
    out: 'go-race-gc-guard-report.json',
    inputs: {},
    help: false
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '-h' || arg === '--help') {
      opts.help = true
      continue
    }
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"; see --help`)
    const eq = arg.indexOf('=')
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2)
    let value: string | undefined = eq >= 0 ? arg.slice(eq + 1) : argv[i + 1]
    if (eq < 0) i++
    if (value === undefined) throw new Error(`--${name} needs a value`)
    if (name === 'dir') opts.dir = value
    else if (name === 'out') opts.out = value
    else {
      const input = (name === 'base' ? 'base-ref' : name) as InputName
      if (!INPUT_NAMES.includes(input)) throw new Error(`unknown flag --${name}; see --help`)
      value = value.trim()
      opts.inputs[input] = value
    }
  }
  return opts
}
