import type { GcVariant } from '../domain/config.js'
import { OFF_DEFAULT_MEMLIMIT } from './defaults.js'
import { GO_SIZE, type Checked } from './validators.js'

const EXPECTED =
  'is not GOGC[/GOMEMLIMIT] (GOGC: a whole number or off; GOMEMLIMIT: a size like 512MiB)'

/**
 * Parses one `gc-variants` entry. `off` without a limit gets GOMEMLIMIT=1GiB: with the collector
 * off, a benchmark that allocates would otherwise grow the heap until the runner runs out of
 * memory, and a limit keeps the GC dormant until the heap is large.
 */
export function parseGcVariant(entry: string): Checked<GcVariant> {
  const [gogcRaw, limitRaw, extra] = entry.split('/').map((s) => s.trim())
  if (extra !== undefined) return { ok: false, expected: EXPECTED }
  const gogc = gogcRaw.toLowerCase() === 'off' ? 'off' : gogcRaw
  if (gogc !== 'off' && !/^\d+$/.test(gogc)) return { ok: false, expected: EXPECTED }
  if (limitRaw !== undefined && !GO_SIZE.test(limitRaw)) return { ok: false, expected: EXPECTED }
  const gomemlimit = limitRaw ?? (gogc === 'off' ? OFF_DEFAULT_MEMLIMIT : null)
  const env: Record<string, string> = { GOGC: gogc }
  if (gomemlimit) env.GOMEMLIMIT = gomemlimit
  const label = gomemlimit ? `GOGC=${gogc} GOMEMLIMIT=${gomemlimit}` : `GOGC=${gogc}`
  return { ok: true, value: { label, gogc, gomemlimit, env } }
}

/** Parses the comma-separated list; duplicates (same label) are refused. */
export function parseGcVariants(raw: string): { variants: GcVariant[]; errors: string[] } {
  const variants: GcVariant[] = []
  const errors: string[] = []
  const entries = raw.split(',').map((s) => s.trim())
  if (entries.every((e) => e === '')) {
    return {
      variants,
      errors: [`gc-variants: "${raw}" is empty; give at least one GOGC[/GOMEMLIMIT]`]
    }
  }
  for (const entry of entries) {
    const r = parseGcVariant(entry)
    if (!r.ok) errors.push(`gc-variants: "${entry}" ${r.expected}`)
    else if (variants.some((v) => v.label === r.value.label)) {
      errors.push(`gc-variants: "${entry}" is listed twice`)
    } else variants.push(r.value)
  }
  return { variants, errors }
}
