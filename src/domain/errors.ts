/** Named errors. Only src/main.ts turns them into an exit status. */

/** One or more inputs were invalid; every message names the input, the value and the accepted forms. */
export class ConfigError extends Error {
  readonly problems: string[]
  constructor(problems: string[]) {
    super(problems.join('\n'))
    this.name = 'ConfigError'
    this.problems = problems
  }
}

/** A tool we run (go, git, benchstat) did something we cannot work with. */
export class ToolError extends Error {
  constructor(
    message: string,
    readonly command: string,
    readonly exitCode: number | null,
    readonly stderrTail: string
  ) {
    super(message)
    this.name = 'ToolError'
  }
}

/** Go code must not run here (e.g. pull_request_target with the PR head checked out). */
export class UnsafeEventError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UnsafeEventError'
  }
}
