import type { AnnotationProps, Logger } from '../ports.js'

const where = (p?: AnnotationProps): string =>
  p?.file ? ` (${p.file}${p.startLine ? `:${p.startLine}` : ''})` : ''

/** Logger for the CLI: progress and process output on stderr, so stdout carries only the report. */
export class TerminalLogger implements Logger {
  constructor(
    private readonly write: (s: string) => void = (s) => process.stderr.write(s),
    private readonly verbose = false
  ) {}
  info(m: string): void {
    this.write(`${m}\n`)
  }
  warning(m: string, p?: AnnotationProps): void {
    this.write(`warning: ${m}${where(p)}\n`)
  }
  error(m: string, p?: AnnotationProps): void {
    this.write(`error: ${m}${where(p)}\n`)
  }
  notice(m: string, p?: AnnotationProps): void {
    this.write(`notice: ${m}${where(p)}\n`)
  }
  debug(m: string): void {
    if (this.verbose) this.write(`debug: ${m}\n`)
  }
  /** Process output is shown only when verbose: the report says what matters. */
  output(s: string): void {
    if (this.verbose) this.write(s)
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.write(`== ${name}\n`)
    return fn()
  }
}
