/**
 * Escaping of untrusted strings for the places they land in GitHub-flavoured Markdown.
 *
 * One inline form serves every inline place (paragraph, list item, table cell, link text, and the
 * raw HTML of `<summary>`): Markdown-significant ASCII punctuation becomes a numeric character
 * reference. References are decoded both by the Markdown parser and by the browser inside HTML
 * blocks, so the text reads the same everywhere and can never open emphasis, links, tables cells,
 * code spans, math, HTML tags or comments. Backslash escapes are avoided on purpose: they are not
 * processed inside HTML blocks, and parsers disagree about `\\|` in table rows (marked splits it).
 *
 * Mentions and issue references are decided by GitHub on the *decoded* text, so an entity for `@`
 * or `#` does not help; a zero-width space after `@` (and between `#` and the digits) does.
 */
import { cleanField, sanitize } from './sanitize.js'

/** Default cap (code points) for names, paths and other one-line fields. */
export const FIELD_MAX = 200
/** Zero-width space as a reference, so the Markdown source shows where it was inserted. */
export const ZWSP = '&#8203;'

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
  '|': '&#124;',
  '\\': '&#92;',
  '*': '&#42;',
  _: '&#95;',
  '[': '&#91;',
  ']': '&#93;',
  '~': '&#126;',
  '#': '&#35;',
  $: '&#36;'
}

/** `_` between two ASCII alphanumerics cannot open or close emphasis, so it stays readable. */
const SPECIAL = /[&<>"'`|\\*[\]~#$]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g

/**
 * Patterns GitHub turns into notifications or cross-references once decoded: `@user`,
 * `@org/team`, `#12`, `owner/repo#12`, `GH-12`, and bare URLs/`www.` (autolinked issue URLs
 * create cross-reference events too). Email autolinks need `@` followed by an alphanumeric.
 */
const NEUTRALISE = /@(?=[A-Za-z0-9])|&#35;(?=\d)|GH-(?=\d)|:(?=\/\/)|www(?=\.)/gi

/**
 * A leading `-`, `+` or `=` could start a list or a setext heading if the text began a line.
 * Renderers never start a line with untrusted text; this is a second line of defence.
 */
const LEADING_BLOCK = /^[-+=]/

/**
 * Escapes one untrusted value for any inline context: sanitised, on one line, capped at `max`
 * code points, Markdown/HTML-inert, mentions and references neutralised.
 */
export function text(value: string, max: number = FIELD_MAX): string {
  const clean = cleanField(value, max, { multiline: false })
  const encoded = clean
    .replace(SPECIAL, (ch) => ENTITIES[ch] ?? ch)
    .replace(NEUTRALISE, (m) => m + ZWSP)
  return encoded.replace(LEADING_BLOCK, (m) => `&#${m.charCodeAt(0)};`)
}

/** An untrusted value shown as inline code. Uses `<code>` so `|` and backticks need no fences. */
export function code(value: string, max: number = FIELD_MAX): string {
  return value === '' ? '<code>(empty)</code>' : `<code>${text(value, max)}</code>`
}

export interface CodeBlockOptions {
  /** Info string; only our own constants (`text`, `sh`) are passed here. */
  lang?: 'text' | 'sh'
  maxLines?: number
  maxChars?: number
}

/** The longest run of backticks in `s`. */
function longestBacktickRun(s: string): number {
  let longest = 0
  for (const m of s.matchAll(/`+/g)) longest = Math.max(longest, m[0].length)
  return longest
}

/**
 * A fenced code block around untrusted multi-line text. The fence is longer than any backtick run
 * inside, so no line can close it; mentions and references are not processed in code, so the text
 * is otherwise verbatim (sanitised, capped by lines and characters, with a "more lines" note).
 */
export function codeBlock(value: string, opts: CodeBlockOptions = {}): string {
  const maxLines = opts.maxLines ?? 60
  const maxChars = opts.maxChars ?? 6000
  const lines = sanitize(value.slice(0, maxChars * 2), { multiline: true })
    .replace(/\s+$/, '')
    .split('\n')
  const kept: string[] = []
  let used = 0
  for (const line of lines) {
    if (kept.length >= maxLines || used >= maxChars) break
    const cut = cleanField(line, Math.min(500, maxChars - used), { multiline: true })
    kept.push(cut)
    used += cut.length + 1
  }
  const dropped = lines.length - kept.length
  if (dropped > 0) kept.push(`… ${dropped} more line${dropped === 1 ? '' : 's'}`)
  if (value.length > maxChars * 2) kept.push('… output cut')
  const body = kept.join('\n')
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(body) + 1))
  return `${fence}${opts.lang ?? 'text'}\n${body}\n${fence}`
}
