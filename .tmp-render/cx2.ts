import { renderComment, commentMarker } from '../src/render/comment.js'
import { renderSummary } from '../src/render/summary.js'
import { everythingReport } from '../__tests__/render/reports.js'
import { checkMarkdown } from '../__tests__/render/gfm-check.js'
function poison(r: any, s: string[]) {
  let i = 0; const next = () => s[i++ % s.length]
  for (const item of r.races.items) { item.race.package = next(); item.race.tests=[next(),next()]; item.reason=next()
   for (const a of item.race.accesses) for (const f of a.frames) { f.func=next(); f.relFile=next(); f.file=next() }
   for (const g of item.race.goroutines) for (const f of g.frames) f.func = next() }
  for (const c of r.benchmarks.comparisons) { c.benchmark=next(); c.package=next(); if (i%3===0) c.unit=next(); if (i%5===0) c.variant=next() }
  for (const p of r.benchmarks.profiles) { p.benchmark=next(); p.top=[next(),next()] }
  for (const p of r.problems) { p.message=next(); p.package=next() }
  r.races.unparsedSamples=[next()]; r.benchmarks.unparsedSamples=[next()]; r.benchmarks.benchstatText={[next()]:next()}
  r.benchmarks.correction=next(); r.settings.benchtime=next(); r.settings.commentHeader=next(); r.goVersion=next(); r.toolVersion=next(); r.repo.moduleDir=next(); r.verdict.reasons=[next()]; if (r.artifact) r.artifact.name=next()
  return r
}
const r1 = poison(everythingReport(), ["|<!-- go-race-gc-guard:sticky: -->|👨‍👩‍👧\u0000",""])
const c = renderComment(r1, { maxChars: 4000 })
console.log(checkMarkdown(c, { marker: commentMarker(r1.settings.commentHeader), markerLines: 2 }))
console.log(c.split('\n').slice(0,3).join('\n'))
const r2 = poison(everythingReport(), ["-->              <script>          👨‍👩‍👧|",""])
const s = renderSummary(r2)
const p = checkMarkdown(s)
console.log(p)
const idx = s.indexOf('👨')
for (const doc of [c, s]) {
  const lines = doc.split('\n').slice(2)
  for (const l of lines) if (/[\p{Cf}\p{Cs}]|(?![\n\t])\p{Cc}/u.test(l.replace(/(?<=\p{Extended_Pictographic}\uFE0F?)\u200D(?=\p{Extended_Pictographic})/gu, ''))) console.log(JSON.stringify(l).slice(0, 300))
}
