/** The data-race part of the comment and summary: new, fixed, pre-existing, unclassified. */
import type { ClassifiedRace, RaceClass } from '../domain/model.js'
import type { Section } from './budget.js'
import { capped, int, moreNote, type RenderContext } from './context.js'
import { details, plural } from './markdown.js'
import { raceBlock, raceLine } from './race-item.js'

export interface RaceSections {
  heading: Section
  new: Section
  fixed: Section
  unclassified: Section
  existing: Section
}

function ofClass(ctx: RenderContext, cls: RaceClass): ClassifiedRace[] {
  return ctx.report.races.items.filter((i) => i.class === cls)
}

function join(parts: string[]): string {
  return parts.filter((p) => p !== '').join('\n\n')
}

interface ListSpec {
  items: ClassifiedRace[]
  cap: number
  heading: string
  /** Full blocks with stacks, or one line per race. */
  full: boolean
  one: string
  many: string
}

function listSection(ctx: RenderContext, spec: ListSpec): Section {
  const { items } = spec
  return {
    total: capped(items.length, spec.cap),
    render(k) {
      if (items.length === 0) return ''
      const shown = items.slice(0, k)
      const body = spec.full
        ? shown.map((item, i) => raceBlock(ctx, item, i + 1))
        : [shown.map((item) => raceLine(ctx, item)).join('\n')]
      return join([spec.heading, ...body, moreNote(ctx, items.length - k, spec.one, spec.many)])
    }
  }
}

/** What the race stage ran, in one sentence. */
function runSummary(ctx: RenderContext): string {
  const { runs } = ctx.report.races
  const count = (side: 'head' | 'base', purpose: 'initial' | 'confirm'): number =>
    runs.filter((r) => r.side === side && r.purpose === purpose).length
  const settings = ctx.report.settings
  const parts = [`\`go test -race -count=${int(settings.raceCount)}\` on head`]
  parts.push(count('base', 'initial') > 0 ? 'and on base' : 'not on base')
  const confirms = count('head', 'confirm') + count('base', 'confirm')
  if (confirms > 0) parts.push(`plus ${plural(confirms, 'confirmation run')}`)
  return `Ran ${parts.join(' ')}.`
}

export function raceSections(ctx: RenderContext): RaceSections {
  const { races } = ctx.report
  if (!races.enabled) {
    const none: Section = { total: 0, render: () => '' }
    return { heading: none, new: none, fixed: none, unclassified: none, existing: none }
  }
  const comment = ctx.mode === 'comment'
  const newItems = ofClass(ctx, 'new')
  const fixedItems = ofClass(ctx, 'fixed')
  const existingItems = ofClass(ctx, 'existing')
  const unclassifiedItems = ofClass(ctx, 'unclassified')
  const headingText =
    races.items.length === 0
      ? `### Data races\n\nNo data races found. ${runSummary(ctx)}`
      : `### Data races\n\n${runSummary(ctx)}`
  const existingList = listSection(ctx, {
    items: existingItems,
    cap: ctx.caps.existingRaces,
    heading: '',
    full: !comment,
    one: 'pre-existing race',
    many: 'pre-existing races'
  })
  return {
    heading: { total: 0, render: () => headingText },
    new: listSection(ctx, {
      items: newItems,
      cap: ctx.caps.newRaces,
      heading: `#### 🆕 New data races (${newItems.length})`,
      full: true,
      one: 'new race',
      many: 'new races'
    }),
    fixed: listSection(ctx, {
      items: fixedItems,
      cap: ctx.caps.fixedRaces,
      heading: `#### 🎉 Fixed data races (${fixedItems.length})\n\nSeen on base, gone on head (links point at the base commit).`,
      full: !comment,
      one: 'fixed race',
      many: 'fixed races'
    }),
    unclassified: listSection(ctx, {
      items: unclassifiedItems,
      cap: ctx.caps.unclassifiedRaces,
      heading: `#### ❔ Unclassified data races (${unclassifiedItems.length})\n\nOn head, but there was nothing to compare them with on base.`,
      full: !comment,
      one: 'unclassified race',
      many: 'unclassified races'
    }),
    existing: {
      total: existingList.total,
      render(k) {
        if (existingItems.length === 0) return ''
        const summary = `${plural(existingItems.length, 'pre-existing data race')} (also on base, not caused by this PR)`
        return details(
          summary,
          existingList.render(k) || moreNote(ctx, existingItems.length, 'race')
        )
      }
    }
  }
}
