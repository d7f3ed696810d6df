import { renderComment, commentMarker } from '../src/render/comment.js'
import { everythingReport } from '../__tests__/render/reports.js'
import { checkMarkdown } from '../__tests__/render/gfm-check.js'
import { marked } from '/work/main/node_modules/marked/lib/marked.esm.js'
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
const r1 = poison(everythingReport(), ["","","","","","","","","-->-->",""])
const c = renderComment(r1, { maxChars: 4000 })
console.log(checkMarkdown(c, { marker: commentMarker(r1.settings.commentHeader), markerLines: 2 }))
console.log(c.slice(0, 400))
const r2 = poison(everythingReport(), ["@org/teamwww.x.io@user",""])
const c2 = renderComment(r2, { maxChars: 65536 })
console.log(checkMarkdown(c2, { markerLines: 2 }))
console.log(c2.split('\n').slice(0, 6).join('\n'))
console.log(marked.parse(c2.split('\n').slice(0, 6).join('\n')))
