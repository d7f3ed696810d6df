import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { shardOf } from '../../src/packages.js'
import {
  makeGitRepo,
  prEvent,
  runAction,
  startFakeServer,
  type FakeServer
} from '../harness/index.js'

// Two packages in different shards: alpha gains a data race in head, beta stays clean.
const racy = (guarded: boolean) => `package alpha

import "sync"

type C struct {
	mu sync.Mutex
	n  int
}

func (c *C) Inc() {
${guarded ? '\tc.mu.Lock()\n\tc.n++\n\tc.mu.Unlock()' : '\tc.n++'}
}
`
const alphaTest = `package alpha

import (
	"sync"
	"testing"
)

func TestInc(t *testing.T) {
	c := &C{}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); c.Inc() }()
	}
	wg.Wait()
}
`
const tree = (guarded: boolean): Record<string, string> => ({
  'go.mod': 'module example.com/sharded\n\ngo 1.22\n',
  'alpha/alpha.go': racy(guarded),
  'alpha/alpha_test.go': alphaTest,
  'beta/beta.go': 'package beta\n\nfunc Two() int { return 2 }\n',
  'beta/beta_test.go':
    'package beta\n\nimport "testing"\n\nfunc TestTwo(t *testing.T) {\n\tif Two() != 2 {\n\t\tt.Fatal()\n\t}\n}\n'
})

let fake: FakeServer
beforeAll(async () => {
  fake = await startFakeServer()
})
afterAll(async () => {
  await fake.close()
})

describe('a sharded matrix merged by a final mode: report job (needs:)', () => {
  it('posts one comment with what every shard found', async () => {
    expect(shardOf('example.com/sharded/alpha', 2)).not.toBe(shardOf('example.com/sharded/beta', 2))
    const repo = await makeGitRepo({ baseFiles: tree(true), headFiles: tree(false) })
    const event = prEvent({ number: 5, baseSha: repo.baseSha, headSha: repo.headSha })
    const shardRuns = []
    for (const shard of ['1/2', '2/2']) {
      shardRuns.push(
        await runAction({
          workspace: repo.dir,
          fake,
          event,
          inputs: { shard, bench: '', comment: 'false', cache: 'false' }
        })
      )
    }
    // The shard holding alpha fails on its new race; the other passes. Neither commented.
    expect(shardRuns.map((r) => r.outputs.verdict).sort()).toEqual(['fail', 'pass'])
    expect(fake.github.commentsOn(5)).toHaveLength(0)
    expect(
      fake.artifacts
        .list(4242)
        .map((a) => a.name)
        .sort()
    ).toEqual([
      'go-race-gc-guard-check-shard-1of2-attempt-1',
      'go-race-gc-guard-check-shard-2of2-attempt-1'
    ])

    const report = await runAction({ workspace: repo.dir, fake, event, inputs: { mode: 'report' } })
    expect(report.exitCode, report.stdout).toBe(1)
    expect(report.outputs).toMatchObject({ verdict: 'fail', 'new-races': '1' })
    const comments = fake.github.commentsOn(5)
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toContain('alpha')
    expect(report.summary).toContain('alpha')
  })
})
