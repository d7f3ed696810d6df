/** A GitHub client for tests: the real adapter with tiny retry delays and no write pacing. */
import Bottleneck from 'bottleneck'
import { createGitHubClient, OctokitCommentStore } from '../../src/github/octokit-store.js'
import type { FakeServer } from '../harness/index.js'
import { FAKE_GITHUB_TOKEN } from '../harness/index.js'

export function testClient(fake: FakeServer, token = FAKE_GITHUB_TOKEN) {
  const warnings: string[] = []
  const gh = createGitHubClient({
    token,
    baseUrl: fake.apiUrl,
    retryBaseMs: 1,
    throttle: {
      retryAfterBaseValue: 1,
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
      notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 })
    },
    logger: { warning: (m) => warnings.push(m), debug: () => {} }
  })
  return { gh, warnings }
}

export function testStore(fake: FakeServer, issueNumber: number, token = FAKE_GITHUB_TOKEN) {
  const { gh, warnings } = testClient(fake, token)
  return {
    gh,
    warnings,
    store: new OctokitCommentStore(gh, { owner: 'owner', repo: 'repo', issueNumber })
  }
}
