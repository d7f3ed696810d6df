import { renderComment } from '../src/render/comment.js'
import { racesReport } from '../__tests__/render/reports.js'
for (const patch of [{ serverUrl: 'javascript:alert(1)//' },{ serverUrl: 'https://user:pw@github.com' },{ owner: 'a)b' },{ headSha: 'not-a-sha' },{ moduleDir: '../..' }]) {
  const r = racesReport(); Object.assign(r.repo, patch)
  const body = renderComment(r)
  console.log(JSON.stringify(patch), (body.match(/\]\([^)]*\)/g) ?? []).filter(l => !l.startsWith('](https://github.com/acme/evolve/actions')))
}
