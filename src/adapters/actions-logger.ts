import { randomUUID } from 'node:crypto'
import * as core from '@actions/core'
import type { AnnotationProps, Logger } from '../ports.js'
import type { OutputSink } from './process-runner.js'

/** Logger over @actions/core: annotations, groups and debug lines the runner understands. */
export class ActionsLogger implements Logger {
  info(message: string): void {
    core.info(message)
  }
  warning(message: string, props?: AnnotationProps): void {
    core.warning(message, props)
  }
  error(message: string, props?: AnnotationProps): void {
    core.error(message, props)
  }
  notice(message: string, props?: AnnotationProps): void {
    core.notice(message, props)
  }
  debug(message: string): void {
    core.debug(message)
  }
  group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    return core.group(name, fn)
  }
}

/**
 * Echoes untrusted process output into the log. A line of test output such as
 * `::add-mask::…` or `::error::…` would otherwise be read by the runner as a workflow command,
 * so output is wrapped in `::stop-commands::<random token>` … `::<token>::`
 * (security-and-reliability.md §1.5). The token is fresh per process and never printed by us
 * anywhere the PR's code could read it first.
 */
export class StopCommandsSink implements OutputSink {
  private token: string | null = null
  constructor(private readonly write_: (s: string) => void = (s) => process.stdout.write(s)) {}
  write(text: string): void {
    if (!this.token) {
      this.token = randomUUID().replace(/-/g, '')
      this.write_(`::stop-commands::${this.token}\n`)
    }
    this.write_(text)
  }
  /** Re-enables workflow commands once the process has finished. */
  end(): void {
    if (!this.token) return
    this.write_(`\n::${this.token}::\n`)
    this.token = null
  }
}
