/** One classified race, as a full block (with stacks) or as one compact list line. */
import type { ClassifiedRace, Frame, RaceAccess, RunTally } from '../domain/model.js'
import { int, type RenderContext } from './context.js'
import { code, codeBlock, text } from './escape.js'
import { blobUrl } from './links.js'
import { details, link, plural } from './markdown.js'
import { accessLabel, primaryFrame, shortFunc } from './names.js'

const MAX_TESTS = 5

/** The commit a race's file:line refers to: head for new/existing/unclassified, base for fixed. */
function commitOf(ctx: RenderContext, item: ClassifiedRace): string | null {
  return item.class === 'fixed' ? ctx.report.repo.baseSha : ctx.report.repo.headSha
}

function location(ctx: RenderContext, item: ClassifiedRace, frame: Frame | null): string {
  if (!frame) return 'unknown location'
  if (frame.relFile === null) {
    const base = frame.file.split('/').pop() ?? frame.file
    return code(base ? `${base}:${frame.line}` : '??')
  }
  const href = blobUrl(ctx.report.repo, commitOf(ctx, item), frame.relFile, frame.line)
  return link(text(`${frame.relFile}:${frame.line}`), href)
}

/** `Data race in X` or `Data race between X and Y`, from each access's primary frame. */
export function raceTitle(item: ClassifiedRace): string {
  const [a, b] = item.race.accesses.map((x) => primaryFrame(x)?.func ?? '??').map(shortFunc)
  return a === b ? `Data race in ${code(a)}` : `Data race between ${code(a)} and ${code(b)}`
}

function accessLine(ctx: RenderContext, item: ClassifiedRace, access: RaceAccess): string {
  const frame = primaryFrame(access)
  const where = location(ctx, item, frame)
  const fn = frame ? ` in ${code(shortFunc(frame.func))}` : ''
  const g = access.goroutine === null ? '' : ` · goroutine ${access.goroutine}`
  const lost = access.stackRestoreFailed ? ' · stack could not be restored' : ''
  return `**${accessLabel(access)}** at ${where}${fn}${g}${lost}`
}

/** `<code>TestA</code>, <code>TestB</code> +3 more`, or the outside-test note. */
export function testsLine(item: ClassifiedRace): string {
  const { tests, outsideTest } = item.race
  if (outsideTest || tests.length === 0) return 'outside any test (init, TestMain or after m.Run)'
  const shown = tests.slice(0, MAX_TESTS).map((t) => code(t))
  const rest = tests.length - shown.length
  return shown.join(', ') + (rest > 0 ? ` +${rest} more` : '')
}

function tally(t: RunTally, side: string): string {
  if (!Number.isSafeInteger(t.runs) || t.runs <= 0) return `not run on ${side}`
  return `${int(t.seen)} of ${plural(t.runs, `${side} run`)}`
}

/** "seen in 3 of 3 head runs, 0 of 5 base runs" (base first for a fixed race). */
export function seenLine(item: ClassifiedRace): string {
  const sides: Array<[RunTally, string]> = [
    [item.head, 'head'],
    [item.base, 'base']
  ]
  if (item.class === 'fixed') sides.reverse()
  return `seen in ${sides.map(([t, side]) => tally(t, side)).join(', ')}`
}

function frameLines(frames: Frame[], max: number): string[] {
  const lines = frames.slice(0, max).flatMap((f) => {
    const file = f.relFile ?? (f.file || '??')
    return [`  ${f.func}()`, `      ${file}:${f.line}`]
  })
  if (frames.length > max) lines.push(`  … ${frames.length - max} more frames`)
  return lines
}

/** The race's stacks in the shape of the race detector's report (paths module-relative). */
export function stackText(item: ClassifiedRace, maxFrames: number): string {
  const parts: string[] = []
  for (const access of item.race.accesses) {
    const g = access.goroutine === null ? '' : ` by goroutine ${access.goroutine}`
    parts.push(`${accessLabel(access)}${g}:`)
    parts.push(...(access.stackRestoreFailed ? ['  [failed to restore the stack]'] : []))
    parts.push(...frameLines(access.frames, maxFrames), '')
  }
  for (const origin of item.race.goroutines) {
    parts.push(`Goroutine ${origin.goroutine} (${origin.state}) created at:`)
    parts.push(...frameLines(origin.frames, maxFrames), '')
  }
  return parts.join('\n')
}

/** A full block: title, both accesses with links, tests, run counts, note, collapsed stacks. */
export function raceBlock(ctx: RenderContext, item: ClassifiedRace, n: number): string {
  const { race } = item
  const occurrences = race.occurrences > 1 ? ` · ${plural(race.occurrences, 'report')}` : ''
  const lines = [
    `- ${accessLine(ctx, item, race.accesses[0])}`,
    `- ${accessLine(ctx, item, race.accesses[1])}`,
    `- **Tests:** ${testsLine(item)} · ${seenLine(item)}${occurrences}`
  ]
  if (item.reason) lines.push(`- **Note:** ${text(item.reason, 300)}`)
  if (race.partial)
    lines.push('- **Note:** the race report was cut short (output ended mid-report)')
  const title = `**${n}. ${raceTitle(item)}** · ${code(race.package)}`
  const stacks = details('Stacks', codeBlock(stackText(item, ctx.caps.frames), { maxLines: 400 }))
  return `${title}\n\n${lines.join('\n')}\n\n${stacks}`
}

/** One list line: title, both locations, tests, run counts and (unclassified) the reason. */
export function raceLine(ctx: RenderContext, item: ClassifiedRace): string {
  const [a, b] = item.race.accesses
  const where = `${accessLabel(a).toLowerCase()} at ${location(ctx, item, primaryFrame(a))}, ${accessLabel(b).toLowerCase()} at ${location(ctx, item, primaryFrame(b))}`
  const reason = item.reason ? ` · ${text(item.reason, 200)}` : ''
  return `- ${raceTitle(item)}: ${where} · ${testsLine(item)} · ${seenLine(item)}${reason}`
}
