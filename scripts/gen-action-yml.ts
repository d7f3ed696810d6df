/**
 * Writes action.yml (and the README's input/output tables) from src/config/defaults.ts, the single source of input defaults and
 * descriptions. Run `npx tsx scripts/gen-action-yml.ts` after changing an input;
 * __tests__/config/action-yml.test.ts fails when action.yml and the code disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { INPUTS, OUTPUTS } from '../src/config/defaults.js'

const q = (s: string): string => `'${s.replace(/'/g, "''")}'`

const lines = [
  "name: 'Go Race & GC Guard'",
  "description: 'Runs go test -race and benchmarks under GC settings on the PR head and its base; fails only on new data races and real performance or GC regressions, in one sticky PR comment.'",
  "author: 'go-race-gc-guard'",
  'branding:',
  "  icon: 'shield'",
  "  color: 'blue'",
  'inputs:'
]
for (const [name, spec] of Object.entries(INPUTS)) {
  lines.push(
    `  ${name}:`,
    `    description: ${JSON.stringify(spec.description)}`,
    '    required: false',
    `    default: ${q(spec.default)}`
  )
}
lines.push('outputs:')
for (const [name, description] of Object.entries(OUTPUTS)) {
  lines.push(`  ${name}:`, `    description: ${JSON.stringify(description)}`)
}
lines.push('runs:', "  using: 'node24'", "  main: 'dist/index.js'", '')
writeFileSync(new URL('../action.yml', import.meta.url), lines.join('\n'))

// The README's input and output tables come from the same source.
const cell = (s: string): string => s.replace(/\|/g, '\\|')
const table = [
  '| input | default | what it does |',
  '|---|---|---|',
  ...Object.entries(INPUTS).map(
    ([n, s]) => `| \`${n}\` | \`${cell(s.default) || "''"}\` | ${cell(s.description)} |`
  ),
  '',
  '| output | meaning |',
  '|---|---|',
  ...Object.entries(OUTPUTS).map(([n, d]) => `| \`${n}\` | ${cell(d)} |`)
].join('\n')
const readmeUrl = new URL('../README.md', import.meta.url)
const readme = readFileSync(readmeUrl, 'utf8')
const start = '<!-- inputs:start -->'
const end = '<!-- inputs:end -->'
const [before, rest] = readme.split(start)
if (rest === undefined) throw new Error(`README.md has no ${start} marker`)
writeFileSync(readmeUrl, `${before}${start}\n${table}\n${end}${rest.split(end)[1]}`)
