/** Builds a large `go test -json` stream from the real race fixtures, for the parser benchmark. */
import { once } from 'node:events'
import { createWriteStream, readFileSync } from 'node:fs'
import { join } from 'node:path'

const FIXTURES = join(import.meta.dirname, '../__tests__/testdata/races/fixtures')
/** Fixture mix of one unit: races + ordinary output, benchmarks (x10), races outside tests. */
const MIX: Array<[string, number]> = [
  ['basic', 1],
  ['basic-bench', 10],
  ['outside', 1],
  ['evolve-head', 1]
]
/** Distinct package names cycled through, so races stay bounded like a real repository's. */
const PACKAGES = 64

function unitTemplates(): string[] {
  return MIX.flatMap(([name, times]) =>
    Array<string>(times).fill(readFileSync(join(FIXTURES, `${name}.jsonl`), 'utf8'))
  )
}

/** Writes about `bytes` bytes of stream to `file`; returns the exact size. */
export async function writeStream(file: string, bytes: number): Promise<number> {
  const units = unitTemplates()
  const out = createWriteStream(file)
  let written = 0
  for (let i = 0; written < bytes; i++) {
    // Rename packages per unit (`.../basic` → `.../basic/p7`): interleaved packages, as with -p.
    const suffix = `/p${i % PACKAGES}`
    for (const u of units) {
      const text = u.replace(/("Package":"example\.com\/racefix\/[^"]*)"/g, `$1${suffix}"`)
      written += Buffer.byteLength(text)
      if (!out.write(text)) await once(out, 'drain')
    }
  }
  out.end()
  await once(out, 'finish')
  return written
}
