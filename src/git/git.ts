import type { ProcessRunner, RunResult } from '../ports.js'
import { ToolError } from '../domain/errors.js'

/** A thin git client over the ProcessRunner; every call is an argument array. */
export class Git {
  constructor(
    private readonly runner: ProcessRunner,
    readonly cwd: string
  ) {}

  /** Runs git and returns the result whatever the exit code. */
  raw(args: string[], cwd = this.cwd): Promise<RunResult> {
    // Prompts would hang a CI job; hooks and fsmonitor must not run from a checkout of PR code.
    return this.runner.run({
      command: 'git',
      args: ['-c', 'core.hooksPath=/dev/null', '-c', 'core.fsmonitor=false', ...args],
      cwd,
      env: { GIT_TERMINAL_PROMPT: '0' },
      echo: false,
      timeoutMs: 10 * 60_000
    })
  }

  /** Runs git and returns trimmed stdout; throws ToolError on a non-zero exit. */
  async out(args: string[], cwd = this.cwd): Promise<string> {
    const r = await this.raw(args, cwd)
    if (r.exitCode !== 0) {
      throw new ToolError(
        `git ${args.join(' ')} failed (exit ${r.exitCode}): ${r.stderr.trim().slice(-500)}`,
        'git',
        r.exitCode,
        r.stderr.slice(-2000)
      )
    }
    return r.stdout.trim()
  }

  async ok(args: string[]): Promise<boolean> {
    return (await this.raw(args)).exitCode === 0
  }

  /** True when `rev` names a commit present locally. */
  hasCommit(rev: string): Promise<boolean> {
    return this.ok(['cat-file', '-e', `${rev}^{commit}`])
  }
}
