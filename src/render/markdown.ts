/**
 * Markdown building blocks. Their arguments are already-escaped fragments (from escape.ts) or our
 * own constants; the guards below catch a programming mistake (an unescaped fragment) before it
 * can break the layout of a comment.
 */

/** Thrown when a fragment would break the structure it is placed in (a bug in a renderer). */
export class RenderError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RenderError'
  }
}

export type Align = 'left' | 'right' | 'center'

const DELIMITER: Record<Align, string> = { left: ':--', right: '--:', center: ':-:' }

/** A GFM table. Cells must be escaped inline fragments: no newline and no raw `|`. */
export function table(headers: string[], rows: string[][], align?: Align[]): string {
  const line = (cells: string[]): string => {
    for (const cell of cells) {
      if (/[|\n\r]/.test(cell)) throw new RenderError(`unescaped table cell: ${cell.slice(0, 80)}`)
    }
    return `| ${cells.join(' | ')} |`
  }
  for (const row of rows) {
    if (row.length !== headers.length) {
      throw new RenderError(`table row has ${row.length} cells, header has ${headers.length}`)
    }
  }
  const delimiter = headers.map((_, i) => DELIMITER[align?.[i] ?? 'left'])
  return [line(headers), `|${delimiter.join('|')}|`, ...rows.map(line)].join('\n')
}

/**
 * A collapsed section. `summary` is an escaped one-line fragment; the blank lines around `body`
 * end the HTML block so the body is parsed as Markdown (tables, fences) by GitHub.
 */
export function details(summary: string, body: string, open = false): string {
  if (/[\n\r]/.test(summary)) throw new RenderError('details summary must be one line')
  return `<details${open ? ' open' : ''}><summary>${summary}</summary>\n\n${body}\n\n</details>`
}

/** `[label](href)` when there is a target, else the label alone. `label` is escaped already. */
export function link(label: string, href: string | null): string {
  if (href === null) return label
  if (/[\s()<>]/.test(href)) throw new RenderError(`unsafe link target: ${href.slice(0, 80)}`)
  return `[${label}](${href})`
}

/** "1 race", "2 races". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`
}
