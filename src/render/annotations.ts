/**
 * Annotations for the findings that matter: each new race at both accesses' head file:line, and
 * each regressed benchmark. GitHub shows at most 10 per level and step and silently drops the
 * rest, so we pick the 10 most important per level ourselves and say how many more there are.
 */
import type { ClassifiedRace, MetricComparison, Report } from '../domain/model.js'
import { effectiveVerdict, groupComparisons } from './bench-rows.js'
import { formatChange, formatP, formatThreshold, formatValue } from './format.js'
import { repoPath } from './links.js'
import { accessLabel, primaryFrame, shortFunc } from './names.js'
import { cleanField } from './sanitize.js'

export type AnnotationLevel = 'error' | 'warning' | 'notice'

export interface Annotation {
  level: AnnotationLevel
  message: string
  title: string
  /** Repository-relative path of the head checkout. */
  file?: string
  startLine?: number
}

export const MAX_PER_LEVEL = 10
const MAX_MESSAGE = 4096

/** One line of untrusted text, sanitised and capped (annotations are plain text, not Markdown). */
function plain(s: string, max = 200): string {
  return cleanField(s, max, { multiline: false })
}

/** Cuts to `max` UTF-16 units without splitting a surrogate pair. */
function capUnits(s: string, max: number): string {
  if (s.length <= max) return s
  let end = max - 1
  if (/[\uD800-\uDBFF]/.test(s[end - 1] ?? '')) end -= 1
  return s.slice(0, end) + '…'
}

/** file/startLine for a module-relative head file, or nothing when the path is unknown or unsafe. */
function location(
  report: Report,
  relFile: string | null,
  line: number | undefined
): Pick<Annotation, 'file' | 'startLine'> {
  const file = relFile ? repoPath(report.repo.moduleDir, relFile) : null
  if (!file) return {}
  return {
    file,
    startLine: line !== undefined && Number.isSafeInteger(line) && line > 0 ? line : undefined
  }
}

function raceAnnotations(
  report: Report,
  item: ClassifiedRace,
  level: AnnotationLevel
): Annotation[] {
  const [a, b] = item.race.accesses
  const fa = primaryFrame(a)
  const fb = primaryFrame(b)
  const describe = (acc: typeof a, f: typeof fa): string => {
    const where = f
      ? `${f.relFile ?? f.file}:${f.line} in ${shortFunc(f.func)}`
      : 'an unknown location'
    const g = acc.goroutine === null ? '' : ` (goroutine ${acc.goroutine})`
    return `${accessLabel(acc).toLowerCase()} at ${plain(where, 300)}${g}`
  }
  const tests = item.race.tests.slice(0, 5).map((t) => plain(t, 100))
  const testText = tests.length > 0 ? `Tests: ${tests.join(', ')}.` : 'Outside any test.'
  const message = [
    `Data race: ${describe(a, fa)} races with ${describe(b, fb)}.`,
    `${testText} Seen in ${item.head.seen} of ${item.head.runs} head runs and ${item.base.seen} of ${item.base.runs} base runs.`,
    `Package ${plain(item.race.package)}.`
  ].join('\n')
  const title = plain(`New data race in ${shortFunc(fa?.func ?? '??')}`, 200)
  const out: Annotation[] = []
  for (const f of [fa, fb]) {
    const at = location(report, f?.relFile ?? null, f?.line)
    // Both accesses on one line (`n++` against itself) make one annotation, not two.
    if (out.some((o) => o.file === at.file && o.startLine === at.startLine)) continue
    out.push({ level, title, message: capUnits(message, MAX_MESSAGE), ...at })
  }
  return out
}

function metricLine(c: MetricComparison): string {
  const v = (s: MetricComparison['base']): string => (s ? formatValue(s.center, c.unit) : 'n/a')
  return `${plain(c.unit, 40)} ${formatChange(c)} (${v(c.base)} → ${v(c.head)}), p=${formatP(c.p)}, threshold ${formatThreshold(c)}`
}

function regressionAnnotations(report: Report, level: AnnotationLevel): Annotation[] {
  const regressed = report.benchmarks.comparisons.filter(
    (c) => effectiveVerdict(c) === 'regression'
  )
  return groupComparisons(regressed).map((g) => {
    // At the benchmark function on head, when the bench stage found its declaration.
    const src = g.rows.find((r) => r.source)?.source
    const at = location(report, src?.relFile ?? null, src?.line)
    return {
      level,
      ...at,
      title: plain(`Regression: ${g.benchmark} (${g.variant})`, 200),
      message: capUnits(
        [
          `${plain(g.package)} ${plain(g.benchmark, 300)} under ${plain(g.variant, 60)}:`,
          ...g.rows.map(metricLine)
        ].join('\n'),
        MAX_MESSAGE
      )
    }
  })
}

/** At most 10 annotations per level, most important first, plus a notice for what was left out. */
export function selectAnnotations(report: Report): Annotation[] {
  const s = report.settings
  const raceLevel: AnnotationLevel =
    s.failOnNewRaces !== false || s.failOnRaces ? 'error' : 'warning'
  const benchLevel: AnnotationLevel = s.failOnRegression !== false ? 'error' : 'warning'
  const all = [
    ...report.races.items
      .filter((i) => i.class === 'new')
      .flatMap((i) => raceAnnotations(report, i, raceLevel)),
    ...regressionAnnotations(report, benchLevel)
  ]
  const out: Annotation[] = []
  let dropped = 0
  for (const level of ['error', 'warning'] as const) {
    const mine = all.filter((a) => a.level === level)
    out.push(...mine.slice(0, MAX_PER_LEVEL))
    dropped += Math.max(0, mine.length - MAX_PER_LEVEL)
  }
  if (dropped > 0) {
    out.push({
      level: 'notice',
      title: 'More findings',
      message: `${dropped} more annotation${dropped === 1 ? '' : 's'} (new races, regressions) are listed in the job summary.`
    })
  }
  return out
}
