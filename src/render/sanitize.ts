/**
 * Character-level clean-up of untrusted text before it is escaped for a Markdown context.
 *
 * Everything a PR controls (test names, paths, output lines) may carry ANSI colour codes, NUL,
 * lone surrogates, bidi overrides ("Trojan Source", CVE-2021-42574) or invisible characters that
 * make two different names look alike. We never drop such characters silently: they become a
 * visible `\u202E`-style escape so a reviewer sees that something odd was there.
 */

/** ANSI CSI / OSC sequences (colours, cursor moves, hyperlinks): noise in a comment, removed. */
// eslint-disable-next-line no-control-regex -- matching ESC/BEL is the point
const ANSI = /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)?/g

/**
 * Code points rendered as visible escapes: controls (except TAB/LF, handled by the caller),
 * format characters (bidi embeddings/overrides/isolates, zero-width space/joiners, BOM, tag
 * characters, soft hyphen...) and the Hangul fillers that render as blanks.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\u115F\u1160\u3164\uFFA0]/gu

/** A zero-width joiner inside an emoji sequence (👨‍👩‍👧) is kept: it cannot reorder text. */
const EMOJI_BEFORE = /\p{Extended_Pictographic}\uFE0F?$/u
const EMOJI_AFTER = /^\p{Extended_Pictographic}/u

function isEmojiJoiner(s: string, at: number): boolean {
  return (
    EMOJI_BEFORE.test(s.slice(Math.max(0, at - 3), at)) && EMOJI_AFTER.test(s.slice(at + 1, at + 3))
  )
}

/** Lone UTF-16 surrogates (invalid UTF-8 decoded by a lenient reader can also end up here). */
const LONE_SURROGATE = /\p{Cs}/gu

const LINE_BREAKS = /\r\n|[\r\u2028\u2029\u0085]/g

/** `\u202E` (four hex digits) or `\u{E0041}` for code points outside the BMP. */
function visibleEscape(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0
  const hex = cp.toString(16).toUpperCase()
  return cp > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`
}

export interface SanitizeOptions {
  /** Keep `\n` and `\t` (for code blocks); otherwise both become a space. */
  multiline: boolean
}

/** Removes ANSI sequences, normalises line breaks, and makes invisible characters visible. */
export function sanitize(input: string, opts: SanitizeOptions): string {
  let s = input.replace(ANSI, '').replace(LINE_BREAKS, '\n').replace(LONE_SURROGATE, '\uFFFD')
  if (!opts.multiline) s = s.replace(/[\n\t]/g, ' ')
  return s.replace(INVISIBLE, (ch: string, at: number, whole: string) => {
    if (ch === '\n' || ch === '\t') return ch
    return ch === '\u200D' && isEmojiJoiner(whole, at) ? ch : visibleEscape(ch)
  })
}

/**
 * Cuts `s` to at most `max` code points (never splitting a surrogate pair), ending with `…` when
 * something was cut. Cheap on huge inputs: it never walks more than `2 * max` UTF-16 units.
 */
export function capCodePoints(s: string, max: number): string {
  if (s.length <= max) return s
  const head = Array.from(s.slice(0, 2 * max + 2))
  if (head.length <= max && s.length <= 2 * max + 2) return s
  // A cut inside an emoji sequence must not leave a joiner dangling before the ellipsis.
  return (
    head
      .slice(0, Math.max(0, max - 1))
      .join('')
      .replace(/\u200D+$/, '') + '…'
  )
}

/**
 * Sanitises and caps in an order that stays cheap for a 10 MB input: a generous raw cut first
 * (escapes expand, so the precise cap is applied afterwards).
 */
export function cleanField(input: string, max: number, opts: SanitizeOptions): string {
  const limit = 8 * max + 16
  if (input.length <= limit) return capCodePoints(sanitize(input, opts), max)
  const capped = capCodePoints(sanitize(input.slice(0, limit), opts), max)
  // The raw cut dropped text even if the sanitised rest is short (e.g. mostly ANSI codes).
  if (capped.endsWith('…')) return capped
  return (
    Array.from(capped)
      .slice(0, Math.max(0, max - 1))
      .join('') + '…'
  )
}
