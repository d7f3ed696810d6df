/**
 * Pure validators for single input values. Each returns the parsed value or a message fragment
 * saying what was expected; parse-config.ts prefixes the input name and the value.
 */

export type Checked<T> = { ok: true; value: T } | { ok: false; expected: string }

const ok = <T>(value: T): Checked<T> => ({ ok: true, value })
const bad = <T>(expected: string): Checked<T> => ({ ok: false, expected })

/** YAML 1.2 core-schema booleans, exactly what @actions/core getBooleanInput accepts. */
export function checkBoolean(raw: string): Checked<boolean> {
  if (['true', 'True', 'TRUE'].includes(raw)) return ok(true)
  if (['false', 'False', 'FALSE'].includes(raw)) return ok(false)
  return bad('is not a boolean (true, True, TRUE, false, False or FALSE)')
}

export function checkWholeNumber(
  raw: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER
): Checked<number> {
  const expected =
    min === 1 ? 'is not a positive whole number' : `is not a whole number from ${min} to ${max}`
  if (!/^\d+$/.test(raw)) return bad(expected)
  const n = Number(raw)
  if (n < min || n > max)
    return bad(
      max === Number.MAX_SAFE_INTEGER ? expected : `is not a whole number from ${min} to ${max}`
    )
  return ok(n)
}

const DURATION_UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000
}

/** A Go duration (time.ParseDuration) such as 10m, 1h30m, 90s, 1.5h; returns milliseconds. */
export function checkGoDuration(raw: string): Checked<number> {
  const expected = 'is not a Go duration like 10m, 90s or 1h30m'
  if (raw === '0') return ok(0)
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/gy
  let total = 0
  let pos = 0
  let m: RegExpExecArray | null
  while ((m = re.exec(raw)) !== null) {
    total += Number(m[1]) * DURATION_UNITS[m[2]]
    pos = re.lastIndex
  }
  if (pos === 0 || pos !== raw.length) return bad(expected)
  return ok(total)
}

/** `-benchtime`: a positive Go duration or an iteration count like 1000x. */
export function checkBenchtime(raw: string): Checked<string> {
  if (/^[1-9]\d*x$/.test(raw)) return ok(raw)
  const d = checkGoDuration(raw)
  if (d.ok && d.value > 0) return ok(raw)
  return bad('is not a Go duration like 200ms or an iteration count like 1000x')
}

/** A percentage like 10% or 2.5%; returns a fraction. */
export function checkPercent(raw: string): Checked<number> {
  const m = /^(\d+(?:\.\d+)?)\s*%$/.exec(raw)
  if (!m) return bad('is not a percentage like 10%')
  return ok(Number(m[1]) / 100)
}

export function checkAlpha(raw: string): Checked<number> {
  if (!/^(0?\.\d+|0|1|\d+e-\d+)$/i.test(raw))
    return bad('is not a number between 0 and 1, like 0.05')
  const n = Number(raw)
  if (!(n > 0 && n < 1)) return bad('is not a number between 0 and 1 (exclusive), like 0.05')
  return ok(n)
}

export function checkEnum<T extends string>(raw: string, allowed: readonly T[]): Checked<T> {
  if ((allowed as readonly string[]).includes(raw)) return ok(raw as T)
  return bad(`is not one of ${allowed.join(', ')}`)
}

/** GOMEMLIMIT accepts a byte count with an optional B, KiB, MiB, GiB or TiB suffix. */
export const GO_SIZE = /^\d+(B|KiB|MiB|GiB|TiB)?$/

/** `i/n` with 1 ≤ i ≤ n. */
export function checkShard(raw: string): Checked<{ index: number; total: number } | null> {
  if (raw === '') return ok(null)
  const m = /^(\d+)\s*\/\s*(\d+)$/.exec(raw)
  if (!m) return bad('is not i/n, like 1/4')
  const index = Number(m[1])
  const total = Number(m[2])
  if (total < 1 || index < 1 || index > total) return bad('is not i/n with 1 ≤ i ≤ n, like 1/4')
  return ok({ index, total })
}
