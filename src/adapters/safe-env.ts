/**
 * The environment handed to every process we start. Go test binaries run the PR's code, so they
 * must not see the step's secrets or the file-command paths through which a step talks to the
 * runner (a test could otherwise set outputs, env or PATH for later steps, or upload artifacts
 * as us). Everything else — a user's DATABASE_URL, say — passes through.
 * See shared reference security-and-reliability.md §1.7.
 */
const REMOVED = new Set([
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RUNTIME_URL',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_CACHE_URL',
  'GITHUB_OUTPUT',
  'GITHUB_ENV',
  'GITHUB_PATH',
  'GITHUB_STATE',
  'GITHUB_STEP_SUMMARY',
  // Not set by the runner for JavaScript actions, but commonly exported by workflows.
  'GITHUB_TOKEN'
])

/** True for variables no child process may see. Windows variable names are case-insensitive. */
export function isSecretVariable(name: string): boolean {
  const upper = name.toUpperCase()
  // The token arrives as INPUT_GITHUB-TOKEN; every input may carry a secret.
  return upper.startsWith('INPUT_') || REMOVED.has(upper)
}

/** A copy of `env` without the variables no child process may see. */
export function sanitizeEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && !isSecretVariable(name)) out[name] = value
  }
  return out
}
