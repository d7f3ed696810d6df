/** Line patterns of `go test` output that matter around race reports. */
import { RACE_HEADER } from './race-block.js'

/** How a test that saw a race ends its log line (checked before the regexp, for speed). */
export const RACE_IN_TEST_TAIL = ': race detected during execution of test'
/** `testing.go:NNNN: race detected during execution of test`; NNNN varies per Go release. */
export const RACE_IN_TEST_RE = /^\s+testing\.go:\d+: race detected during execution of test$/
/** Printed at exit only on the would-otherwise-exit-0 path (exit 66). */
export const FOUND_RE = /^Found (\d+) data race\(s\)$/
/** go test's own line for a package that did not build or load. */
export const BUILD_FAILED_RE = /^FAIL\t(\S+) \[(?:build|setup) failed\]$/

/**
 * Lines that cannot be part of a race report: seeing one inside a block means it was cut
 * short. Dispatches on the first character because this runs for every line of every report.
 */
export function endsBlock(line: string): boolean {
  switch (line.charCodeAt(0)) {
    case 32: // ' '
    case 9: // '\t'
      return line.endsWith(RACE_IN_TEST_TAIL) && RACE_IN_TEST_RE.test(line)
    case 87: // 'W'
      return line === RACE_HEADER
    case 61: // '='
      return line.startsWith('=== ')
    case 45: // '-'
      return line.startsWith('--- ')
    case 80: // 'P'
      return line === 'PASS'
    case 70: // 'F'
      return line === 'FAIL' || line.startsWith('FAIL\t') || FOUND_RE.test(line)
    case 111: // 'o'
      return line.startsWith('ok  \t')
    case 112: // 'p'
      return line.startsWith('panic: ')
    case 102: // 'f'
      return line.startsWith('fatal error: ')
    case 101: // 'e'
      return line.startsWith('exit status ')
    case 116: // 't'
      return line.startsWith('testing: ')
    default:
      return false
  }
}
