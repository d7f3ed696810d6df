/**
 * Parses `benchstat -format csv` output (golang.org/x/perf cmd/benchstat, benchtab ToCSV): config
 * rows (`pkg: x`, one field), per table one header row of column labels, a unit row
 * `,<unit>,CI,<unit>,CI,vs base,P`, body rows, a `geomean` row, and an empty row between tables.
 * Builds before x/perf 8f5f3ab (2025-05) leave rows ragged; both shapes are accepted. Warnings go
 * to stderr as `<cell>: <message>` and are attached by row number.
 */

/** One benchstat cell pair: center in base units and the CI text (`3%`, `∞`, `?`). */
export interface BenchstatCell {
  center: number | null
  ci: string
}

export interface BenchstatRow {
  /** Row label as benchstat prints it: `Benchmark` prefix stripped, `-procs` kept. */
  name: string
  /** One cell per column (base first). */
  cells: BenchstatCell[]
  /** `vs base` text: `+13.69%`, `~`, `?`, `0.00%`; null when absent. */
  delta: string | null
  p: number | null
  n: number[]
  warnings: string[]
}

export interface BenchstatTable {
  config: Record<string, string>
  columns: string[]
  unit: string
  rows: BenchstatRow[]
  geomean: string[] | null
}

export interface BenchstatCsv {
  tables: BenchstatTable[]
  /** stderr lines that are not cell warnings (errors, `file:line:` syntax errors). */
  errors: string[]
  /** Cell warnings that could not be matched to a row. */
  warnings: string[]
}

/** Minimal RFC 4180 reader (Go's encoding/csv writer output): quotes, doubled quotes, CRLF. */
export function readCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"' && field === '') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (field !== '' || row.length) rows.push([...row, field])
  return rows
}

const P_FIELD = /^(?:p=([\d.]+)\s+)?n=(\d+)(?:\+(\d+))?$/

/** Parses benchstat CSV stdout plus its stderr. Pure. */
export function parseBenchstatCsv(stdout: string, stderr = ''): BenchstatCsv {
  const rows = readCsv(stdout)
  const tables: BenchstatTable[] = []
  const rowAt = new Map<number, BenchstatRow>()
  let config: Record<string, string> = {}
  let columns: string[] | null = null
  let table: BenchstatTable | null = null
  rows.forEach((r, idx) => {
    const line = idx + 1
    const cells = trimRagged(r)
    if (cells.length === 0) return void (table = null)
    if (cells.length === 1 && table === null && /^[^:,]+: /.test(cells[0])) {
      const k = cells[0].indexOf(': ')
      config = { ...config, [cells[0].slice(0, k)]: cells[0].slice(k + 2) }
      return
    }
    if (table === null) {
      if (cells[0] === '' && cells[1] !== undefined && cells.includes('CI')) {
        table = {
          config: { ...config },
          columns: columns ?? [],
          unit: cells[1],
          rows: [],
          geomean: null
        }
        tables.push(table)
        columns = null
      } else if (cells[0] === '') columns = cells.filter((c, i) => i > 0 && c !== '')
      return
    }
    if (cells[0] === 'geomean') return void (table.geomean = cells.slice(1))
    const row = bodyRow(cells, table.columns.length)
    table.rows.push(row)
    rowAt.set(line, row)
  })
  const errors: string[] = []
  const warnings: string[] = []
  for (const l of stderr
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean)) {
    const m = /^([A-Z]+)(\d+): (.*)$/.exec(l)
    if (!m) errors.push(l)
    else {
      const row = rowAt.get(Number(m[2]))
      if (row) row.warnings.push(m[3])
      else warnings.push(m[3])
    }
  }
  return { tables, errors, warnings }
}

function trimRagged(r: string[]): string[] {
  const out = [...r]
  while (out.length && out[out.length - 1] === '') out.pop()
  return out
}

function bodyRow(cells: string[], ncols: number): BenchstatRow {
  const width = Math.max(ncols, 1)
  const out: BenchstatCell[] = []
  for (let c = 0; c < width; c++) {
    const v = cells[1 + 2 * c]
    out.push({ center: v === undefined || v === '' ? null : Number(v), ci: cells[2 + 2 * c] ?? '' })
  }
  const rest = cells.slice(1 + 2 * width)
  const pm = rest.length >= 2 ? P_FIELD.exec(rest[rest.length - 1]) : null
  return {
    name: cells[0],
    cells: out,
    delta: rest.length ? rest[0] : null,
    p: pm?.[1] !== undefined ? Number(pm[1]) : null,
    n: pm ? [Number(pm[2]), ...(pm[3] ? [Number(pm[3])] : [])] : [],
    warnings: []
  }
}
