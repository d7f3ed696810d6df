import { marked } from 'marked'
import { describe, expect, it } from 'vitest'
import { code, codeBlock, text } from '../../src/render/escape.js'
import { details, RenderError, table } from '../../src/render/markdown.js'
import { capCodePoints, cleanField, sanitize } from '../../src/render/sanitize.js'

/** The text a reader sees for an inline fragment (entities decoded by marked). */
function rendered(fragment: string): string {
  return marked
    .parseInline(fragment, { gfm: true, async: false })
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

describe('sanitize', () => {
  it('makes bidi, zero-width and control characters visible instead of dropping them', () => {
    expect(sanitize('a\u202Eb\u2066c\u200Bd\u0000e\u007Ff', { multiline: false })).toBe(
      'a\\u202Eb\\u2066c\\u200Bd\\u0000e\\u007Ff'
    )
    expect(sanitize('tag\u{E0041}', { multiline: false })).toBe('tag\\u{E0041}')
  })

  it('strips ANSI colour codes and normalises line breaks', () => {
    expect(sanitize('\u001b[31mFAIL\u001b[0m x\r\ny\rz\u2028w', { multiline: true })).toBe(
      'FAIL x\ny\nz\nw'
    )
    expect(sanitize('a\nb\tc', { multiline: false })).toBe('a b c')
  })

  it('replaces lone surrogates and keeps emoji (including ZWJ sequences) intact', () => {
    expect(sanitize('x\uD800y', { multiline: false })).toBe('x\uFFFDy')
    expect(sanitize('🚀 👨‍👩‍👧', { multiline: false })).toBe('🚀 👨‍👩‍👧')
  })

  it('caps by code points without splitting a surrogate pair', () => {
    expect(capCodePoints('😀😀😀😀', 3)).toBe('😀😀…')
    expect(capCodePoints('abc', 3)).toBe('abc')
    expect(cleanField('x'.repeat(10_000_000), 10, { multiline: false })).toBe('xxxxxxxxx…')
    // A raw cut that removed only ANSI noise still says it cut.
    expect(cleanField('\u001b[31m'.repeat(100) + 'tail', 5, { multiline: false })).toMatch(/…$/)
  })
})

describe('text', () => {
  it.each([
    ['pipe|bar', 'pipe|bar'],
    ['back`tick`', 'back`tick`'],
    ['<details></details><!-- x -->', '<details></details><!-- x -->'],
    [
      '*em* _em_ ~~del~~ $x$ [l](javascript:alert(1))',
      '*em* _em_ ~~del~~ $x$ [l](javascript:alert(1))'
    ],
    ['a\\|b', 'a\\|b'],
    ['&amp; &#64;', '&amp; &#64;']
  ])('shows %j literally', (input, shown) => {
    const out = text(input)
    expect(out).not.toMatch(/[|`<>*[\]~$\\]/)
    // `#64` would be an issue reference: a zero-width space is the only difference.
    expect(rendered(out).replace(/\u200B/g, '')).toBe(shown)
  })

  it('keeps intra-word underscores readable', () => {
    expect(text('Test_foo_bar')).toBe('Test_foo_bar')
    expect(text('_x_')).toBe('&#95;x&#95;')
  })

  it('neutralises mentions, issue references and autolinks', () => {
    const out = rendered(
      text('@octocat @org/team #12 acme/repo#3 GH-7 https://x.io/i/1 www.x.io a@b.io')
    )
    expect(out).not.toMatch(/(?:^|\W)@[A-Za-z0-9]/)
    expect(out).not.toMatch(/#\d|GH-\d|:\/\/|www\./i)
    // The reader still sees the same characters apart from the invisible break.
    expect(out.replace(/\u200B/g, '')).toBe(
      '@octocat @org/team #12 acme/repo#3 GH-7 https://x.io/i/1 www.x.io a@b.io'
    )
  })

  it('cannot start a block when placed at the start of a line', () => {
    for (const s of ['- item', '+ item', '= heading', '# h', '> q']) {
      const html = marked.parse(text(s), { gfm: true, async: false })
      expect(html.trim()).toMatch(/^<p>/)
    }
  })

  it('joins lines and caps length', () => {
    expect(text('a\nb')).toBe('a b')
    expect(text('x'.repeat(500), 10)).toBe('xxxxxxxxx…')
  })
})

describe('code and codeBlock', () => {
  it('renders inline code without Markdown backticks', () => {
    expect(code('a|b`c')).toBe('<code>a&#124;b&#96;c</code>')
    expect(code('')).toBe('<code>(empty)</code>')
  })

  it('chooses a fence longer than any backtick run inside', () => {
    const block = codeBlock('x\n```\n`````\ny')
    expect(block.startsWith('``````text\n')).toBe(true)
    const tokens = marked.lexer(`${block}\n\nafter`, { gfm: true })
    expect(tokens[0].type).toBe('code')
    expect((tokens[0] as { text: string }).text).toBe('x\n```\n`````\ny')
    expect(tokens.at(-1)?.type).toBe('paragraph')
  })

  it('keeps a closing </details> or <!-- inside the block as text', () => {
    const md = details('s', codeBlock('</details>\n<!--'))
    const html = marked.parse(md, { gfm: true, async: false })
    expect(html.match(/<\/details>/g)).toHaveLength(1)
    expect(html).toContain('&lt;/details&gt;')
  })

  it('caps lines and characters and says so', () => {
    const block = codeBlock(Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n'), {
      maxLines: 3
    })
    expect(block).toContain('line 2\n… 97 more lines')
    expect(codeBlock('y'.repeat(50_000), { maxChars: 100 }).length).toBeLessThan(200)
  })
})

describe('table guards', () => {
  it('refuses an unescaped cell or a ragged row', () => {
    expect(() => table(['a'], [['x|y']])).toThrow(RenderError)
    expect(() => table(['a'], [['x\ny']])).toThrow(RenderError)
    expect(() => table(['a', 'b'], [['x']])).toThrow(RenderError)
    expect(table(['a', 'b'], [[text('x|y'), 'z']])).toBe('| a | b |\n|:--|:--|\n| x&#124;y | z |')
  })
})
