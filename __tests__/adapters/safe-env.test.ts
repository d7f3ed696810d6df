import { describe, expect, it } from 'vitest'
import { sanitizeEnv } from '../../src/adapters/safe-env.js'

describe('sanitizeEnv', () => {
  it('removes inputs, runtime tokens and file-command paths, keeps the rest', () => {
    const env = sanitizeEnv({
      'INPUT_GITHUB-TOKEN': 'ghs_secret',
      INPUT_PACKAGES: './...',
      ACTIONS_RUNTIME_TOKEN: 'jwt',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'http://oidc',
      ACTIONS_RESULTS_URL: 'http://results',
      ACTIONS_CACHE_URL: 'http://cache',
      GITHUB_OUTPUT: '/tmp/out',
      GITHUB_ENV: '/tmp/env',
      GITHUB_PATH: '/tmp/path',
      GITHUB_STATE: '/tmp/state',
      GITHUB_STEP_SUMMARY: '/tmp/summary',
      github_output: '/tmp/lower',
      DATABASE_URL: 'postgres://localhost/test',
      GITHUB_REPOSITORY: 'o/r',
      PATH: '/usr/bin'
    })
    expect(env).toEqual({
      DATABASE_URL: 'postgres://localhost/test',
      GITHUB_REPOSITORY: 'o/r',
      PATH: '/usr/bin'
    })
  })
})
