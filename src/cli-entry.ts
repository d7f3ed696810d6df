import { main } from './cli.js'

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`go-race-gc-guard: ${(e as Error).stack ?? String(e)}\n`)
    process.exitCode = 1
  }
)
