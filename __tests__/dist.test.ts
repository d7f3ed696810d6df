import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const NCC = path.resolve('node_modules/.bin/ncc')

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name)
    return statSync(p).isDirectory() ? listFiles(p, base) : [path.relative(base, p)]
  })
}

function build(entry: string, out: string): void {
  execFileSync(NCC, ['build', entry, '-o', out, '--source-map', '--license', 'licenses.txt'], {
    stdio: 'pipe'
  })
}

describe('dist/ is what a fresh build produces', () => {
  it('matches ncc output for the action and the CLI', { timeout: 300_000 }, () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'grgg-dist-'))
    build('src/index.ts', out)
    build('src/cli-entry.ts', path.join(out, 'cli'))
    const fresh = listFiles(out).sort()
    expect(listFiles('dist').sort()).toEqual(fresh)
    for (const f of fresh) {
      const same = readFileSync(path.join(out, f)).equals(readFileSync(path.join('dist', f)))
      expect(same, `dist/${f} is stale: run npm run build and commit dist/`).toBe(true)
    }
  })
})
