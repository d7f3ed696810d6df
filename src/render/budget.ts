/**
 * Structural truncation. A document is a list of sections; each renders itself with its first
 * `k` items (and its own "N more" note). Sections get their items in priority order, each taking
 * as many as still fit, so the least important rows are the ones dropped and markup is never cut.
 */

/** A part of a document that can shed items. */
export interface Section {
  /** How many droppable items the section has (0 for fixed text). */
  total: number
  /** The section with its first `k` items, or '' when there is nothing to show. */
  render(k: number): string
}

/** Limits on the assembled document; either may be omitted. */
export interface Budget {
  /** UTF-16 code units (JavaScript string length). */
  units?: number
  /** UTF-8 bytes. */
  bytes?: number
}

interface Size {
  units: number
  bytes: number
}

const SEPARATOR = '\n\n'

function measure(s: string): Size {
  return { units: s.length, bytes: Buffer.byteLength(s, 'utf8') }
}

function fits(total: Size, budget: Budget): boolean {
  return total.units <= (budget.units ?? Infinity) && total.bytes <= (budget.bytes ?? Infinity)
}

/** A fixed piece of text as a section. */
export function fixed(textValue: string): Section {
  return { total: 0, render: () => textValue }
}

/** One allocation step: a section index, optionally with the most items this step may grant. */
export type Step = number | [index: number, upTo: number]

/**
 * Chooses how many items each section keeps and joins the rendered sections (in display order)
 * with blank lines. `steps` run in order, each letting one section grow (up to `upTo` items, or
 * all) as far as the budget allows, so a first pass can guarantee every important section a share
 * before a second pass fills up. Returns null when even the item-less document does not fit.
 */
export function assemble(sections: Section[], steps: Step[], budget: Budget): string | null {
  const ks = sections.map(() => 0)
  // Every section is charged a separator so the sum is an upper bound of the joined length.
  const sizes = sections.map((s) => measure(s.render(0) + SEPARATOR))
  const sum = (): Size => ({
    units: sizes.reduce((a, s) => a + s.units, 0),
    bytes: sizes.reduce((a, s) => a + s.bytes, 0)
  })
  if (!fits(sum(), budget)) return null
  for (const step of steps) {
    const [index, upTo] = typeof step === 'number' ? [step, Infinity] : step
    const section = sections[index]
    const target = Math.min(section.total, upTo)
    if (target <= ks[index]) continue
    const total = sum()
    const others: Size = {
      units: total.units - sizes[index].units,
      bytes: total.bytes - sizes[index].bytes
    }
    const sizeAt = (k: number): Size => {
      const m = measure(section.render(k) + SEPARATOR)
      return { units: others.units + m.units, bytes: others.bytes + m.bytes }
    }
    let best = ks[index]
    if (fits(sizeAt(target), budget)) {
      best = target
    } else {
      // Rendered length grows with k except for the shrinking "N more" note, so a binary
      // search finds a k that fits (every probe is checked, never assumed).
      let lo = ks[index] + 1
      let hi = target - 1
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1
        if (fits(sizeAt(mid), budget)) {
          best = mid
          lo = mid + 1
        } else {
          hi = mid - 1
        }
      }
    }
    ks[index] = best
    sizes[index] = measure(section.render(best) + SEPARATOR)
  }
  return sections
    .map((s, i) => s.render(ks[i]))
    .filter((s) => s !== '')
    .join(SEPARATOR)
}
