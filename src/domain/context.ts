/** What the run knows about where it is: built from the runner's environment by src/context.ts. */
export interface RunContext {
  eventName: string
  /** The parsed webhook payload (GITHUB_EVENT_PATH), `{}` when absent. */
  payload: Record<string, unknown>
  /** Absolute path of the checkout (GITHUB_WORKSPACE, or the CLI's --dir). */
  workspace: string
  /** Scratch space that is ours alone (RUNNER_TEMP, or a temp dir in the CLI). */
  tempDir: string
  serverUrl: string
  apiUrl: string
  owner: string
  repo: string
  runId: string
  runAttempt: string
  job: string
  /** GITHUB_SHA: on pull_request, the merge commit. */
  sha: string
}
