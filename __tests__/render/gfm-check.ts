/**
 * Structural checks of rendered Markdown through a GFM parser (marked, gfm on). Returns a list of
 * violations (empty = fine) so property tests can print what went wrong for a shrunk input.
 */
import { marked, type Token, type Tokens } from 'marked'

/** Tags our renderers emit; anything else in the output came from a name and is a breakout. */
const OWN_TAGS = new Set(['details', 'summary', 'code', 'sub', 'b', 'br'])
/** Tags marked itself produces from Markdown. */
const MARKED_TAGS = new Set([
  ...OWN_TAGS,
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  ...['ul', 'ol', 'li', 'a', 'strong', 'em', 'pre', 'hr', 'del']
])
const TAG = /<!--[\s\S]*?-->|<\/?([A-Za-z][A-Za-z0-9-]*)(\s[^<>]*)?\/?>/g

/** Cells of one table row as GFM splits it (a `|` not preceded by a backslash separates cells). */
function cellCount(line: string): number {
  const trimmed = line.trim().replace(/^\|/, '').replace(/\|$/, '')
  return trimmed.split(/(?<!\\)\|/).length
}

function walk(tokens: Token[], visit: (t: Token) => void): void {
  for (const t of tokens) {
    visit(t)
    const any = t as Tokens.Generic
    if (Array.isArray(any.tokens)) walk(any.tokens as Token[], visit)
    if (t.type === 'list') for (const item of (t as Tokens.List).items) walk([item], visit)
    if (t.type === 'table') {
      const tt = t as Tokens.Table
      for (const cell of [...tt.header, ...tt.rows.flat()]) walk(cell.tokens, visit)
    }
  }
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

/** What GitHub would turn into a mention, an issue reference or an autolink in visible text. */
const PINGS: Array<[RegExp, string]> = [
  [/(?:^|[^\w`])@[A-Za-z0-9]/, 'mention'],
  [/#\d/, 'issue reference'],
  [/GH-\d/i, 'GH- reference'],
  [/[a-z]:\/\//i, 'bare URL'],
  [/www\./i, 'www autolink']
]

export interface CheckOptions {
  /** The document must start with this marker line. */
  marker?: string
  /** Lines at the top that may hold HTML comments (our markers). */
  markerLines?: number
}

export function checkMarkdown(md: string, opts: CheckOptions = {}): string[] {
  const problems: string[] = []
  const markerLines = opts.markerLines ?? 0
  if (opts.marker !== undefined && !md.startsWith(opts.marker + '\n'))
    problems.push('marker not first')
  const top = md.split('\n').slice(0, markerLines).join('\n')
  const rest = md.slice(top.length)
  // Control and format characters (the zero-width joiner between emoji is allowed).
  const visible = rest.replace(
    /(?<=\p{Extended_Pictographic}\uFE0F?)\u200D(?=\p{Extended_Pictographic})/gu,
    ''
  )
  if (/[\p{Cf}\p{Cs}]|(?![\n\t])\p{Cc}/u.test(visible))
    problems.push('control/format character in output')

  const tokens = marked.lexer(md, { gfm: true })
  // Tables keep their columns, and no row escaped into a paragraph.
  let pipeLines = 0
  let tableLines = 0
  for (const t of tokens) {
    if (t.type === 'code') continue
    const lines = t.raw.split('\n').filter((l) => l.startsWith('|'))
    pipeLines += lines.length
    if (t.type === 'table') {
      const header = (t as Tokens.Table).header.length
      tableLines += lines.length
      for (const l of lines) {
        if (cellCount(l) !== header)
          problems.push(
            `table row with ${cellCount(l)} cells, header ${header}: ${l.slice(0, 120)}`
          )
      }
    }
  }
  if (pipeLines !== tableLines)
    problems.push(`${pipeLines - tableLines} table line(s) outside a table`)

  // Fences close; HTML is only our own tags, comments only at the top; <details> balanced.
  let depth = 0
  for (const t of tokens) {
    if (t.type === 'code' && /^`{3,}/.test(t.raw)) {
      const open = /^`+/.exec(t.raw)![0].length
      const last = t.raw.trimEnd().split('\n').pop() ?? ''
      if (
        !new RegExp(`^\`{${open},}$`).test(last.trim()) ||
        t.raw.trimEnd().split('\n').length < 2
      ) {
        problems.push('unclosed code fence')
      }
    }
  }
  walk(tokens, (t) => {
    if (t.type !== 'html') return
    for (const m of t.raw.matchAll(TAG)) {
      if (m[0].startsWith('<!--')) {
        if (!top.includes(m[0]))
          problems.push(`HTML comment outside the marker lines: ${m[0].slice(0, 60)}`)
        continue
      }
      const name = m[1].toLowerCase()
      if (!OWN_TAGS.has(name)) problems.push(`foreign HTML tag <${name}>`)
      if (m[2] && m[2].trim() !== '' && !(name === 'details' && m[2].trim() === 'open')) {
        problems.push(`attribute on <${name}>: ${m[2].slice(0, 60)}`)
      }
      if (name === 'details') depth += m[0].startsWith('</') ? -1 : 1
      if (depth < 0) problems.push('</details> before <details>')
    }
  })
  if (depth !== 0) problems.push(`unbalanced <details> (depth ${depth})`)

  // The HTML a browser would get: only known tags; no mention/reference in visible text.
  // HTML comments (our markers) are invisible; whatever text they hold is not markup.
  const html = marked.parse(md, { gfm: true, async: false }).replace(/<!--[\s\S]*?-->/g, ' ')
  for (const m of html.matchAll(TAG)) {
    if (m[0].startsWith('<!--')) continue
    if (!MARKED_TAGS.has(m[1].toLowerCase())) problems.push(`foreign tag in HTML output <${m[1]}>`)
  }
  const opens = (html.match(/<details[\s>]/g) ?? []).length
  const closes = (html.match(/<\/details>/g) ?? []).length
  if (opens !== closes) problems.push(`HTML output has ${opens} <details> and ${closes} </details>`)
  const text = decodeEntities(
    html
      .replace(/<pre>[\s\S]*?<\/pre>/g, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<[^>]*>/g, ' ')
  )
  for (const [re, what] of PINGS) {
    const m = re.exec(text)
    if (m)
      problems.push(
        `${what} in visible text: ${JSON.stringify(text.slice(Math.max(0, m.index - 20), m.index + 20))}`
      )
  }
  return problems
}
