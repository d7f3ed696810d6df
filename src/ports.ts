/**
 * Small interfaces between the pure pipeline and the outside world. `main.ts` wires real
 * adapters (src/adapters/*); tests pass fakes. Nothing outside src/adapters imports
 * `@actions/*`, `node:child_process` or makes network calls.
 */

export interface RunSpec {
  command: string
  /** Argument array, never a shell string. */
  args: string[]
  cwd: string
  /**
   * Variables to set on top of the runner's sanitised environment (secrets, INPUT_* and
   * file-command paths are always removed — see src/adapters/safe-env.ts).
   */
  env?: Record<string, string>
  /** Kill the whole process group after this many milliseconds. */
  timeoutMs?: number
  /** Called with each decoded stdout chunk as it arrives (for streaming parsers). */
  onStdout?: (chunk: string) => void
  /** Called with each decoded stderr chunk as it arrives. */
  onStderr?: (chunk: string) => void
  /** Send stderr into the same pipe as stdout (`2>&1` without a shell), keeping order. */
  mergeStderr?: boolean
  /** Bytes of stdout/stderr kept in the result (the rest is streamed only). Default 16 MiB. */
  maxCapture?: number
  /** Echo output to the log (default true). */
  echo?: boolean
}

export interface RunResult {
  /** Null when killed by a signal or the deadline. */
  exitCode: number | null
  signal: string | null
  timedOut: boolean
  stdout: string
  stderr: string
  /** True when more output arrived than `maxCapture` kept. */
  truncated: boolean
  durationMs: number
}

/** Runs one process. Never throws for a non-zero exit; throws only when the command cannot start. */
export interface ProcessRunner {
  run(spec: RunSpec): Promise<RunResult>
}

export interface AnnotationProps {
  title?: string
  file?: string
  startLine?: number
  endLine?: number
}

export interface Logger {
  info(message: string): void
  warning(message: string, props?: AnnotationProps): void
  error(message: string, props?: AnnotationProps): void
  notice(message: string, props?: AnnotationProps): void
  debug(message: string): void
  /** A collapsible log group around `fn`. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
}

/** Reads and writes files for stages that need them (profiles, benchmark files, reports). */
export interface FileSystem {
  readFile(path: string): Promise<string>
  writeFile(path: string, data: string | Uint8Array): Promise<void>
  mkdirp(path: string): Promise<void>
  exists(path: string): Promise<boolean>
}
