/**
 * Splits a flags string into words the way a POSIX shell splits a simple command line, but
 * without any expansion: whitespace separates words, single quotes keep everything literal,
 * double quotes keep whitespace and honour `\"` and `\\`, and a backslash outside quotes escapes
 * the next character. Returns null for an unterminated quote.
 */
export function splitArgs(input: string): string[] | null {
  const words: string[] = []
  let current = ''
  let inWord = false
  let quote: "'" | '"' | null = null
  for (let i = 0; i < input.length; i++) {
    const c = input[i]
    if (quote === "'") {
      if (c === "'") quote = null
      else current += c
      continue
    }
    if (quote === '"') {
      if (c === '"') quote = null
      else if (c === '\\' && (input[i + 1] === '"' || input[i + 1] === '\\')) current += input[++i]
      else current += c
      continue
    }
    if (/\s/.test(c)) {
      if (inWord) words.push(current)
      current = ''
      inWord = false
      continue
    }
    inWord = true
    if (c === "'" || c === '"') quote = c
    else if (c === '\\' && i + 1 < input.length) current += input[++i]
    else current += c
  }
  if (quote) return null
  if (inWord) words.push(current)
  return words
}
