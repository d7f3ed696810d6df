/**
 * Every input of the action with its default and description. This is the single source of the
 * defaults: action.yml mirrors it, and __tests__/config/action-yml.test.ts checks that they agree.
 */
export interface InputSpec {
  default: string
  description: string
}

export const INPUTS = {
  'go-version': {
    default: '',
    description:
      "Go version to use: '1.26', '1.25.x', '>=1.24', '1.26.8', 'stable' or 'oldstable'. Empty with no go-version-file: the go on PATH."
  },
  'go-version-file': {
    default: '',
    description:
      'File to read the Go version from: go.mod (a toolchain directive wins over go), go.work, .go-version or .tool-versions (golang line). Relative to the workspace.'
  },
  'go-download-base-url': {
    default: 'https://go.dev/dl',
    description:
      'Where the version list (?mode=json&include=all) and Go archives are downloaded from (a mirror, or a test server).'
  },
  cache: {
    default: 'true',
    description:
      'Restore and save GOCACHE and GOMODCACHE (and with them the benchstat build) with the Actions cache.'
  },
  'working-directory': {
    default: '.',
    description: 'The Go module root, relative to the workspace.'
  },
  packages: {
    default: './...',
    description: 'Package patterns for go test, separated by spaces.'
  },
  'build-flags': {
    default: '',
    description:
      "Extra flags for building tests, e.g. '-tags=integration'. Quotes group words; no shell is involved."
  },
  'test-flags': {
    default: '',
    description: "Extra flags for running tests, e.g. '-short'."
  },
  race: {
    default: 'true',
    description: 'Run go test -race on head (and on base to tell new races from old).'
  },
  'race-count': {
    default: '1',
    description: 'How many times each test runs under the race detector on head (-count).'
  },
  'race-base': {
    default: 'affected',
    description:
      "Which base packages get race runs: 'affected' (changed packages, their test dependants and packages where head raced), 'full' (all) or 'off' (none: every race is unclassified)."
  },
  'race-confirm': {
    default: '3',
    description:
      'Re-runs of just the racing tests on the other side before a race is called new (or fixed).'
  },
  'test-timeout': { default: '10m', description: 'Timeout per go test run (a Go duration).' },
  bench: {
    default: '.',
    description: 'The -bench regexp selecting benchmarks. Empty disables benchmarks.'
  },
  'bench-count': {
    default: '10',
    description: 'Samples per side per GC variant (interleaved rounds).'
  },
  benchtime: {
    default: '200ms',
    description:
      'Time per sample, e.g. 200ms or 1s (calibrated once into an iteration count per benchmark, the same on base and head), or an iteration count like 1000x.'
  },
  'gc-variants': {
    default: '100,25',
    description:
      "Comma-separated GC settings, each GOGC[/GOMEMLIMIT], e.g. '100', '25', 'off/1GiB'. 'off' alone runs with GOMEMLIMIT=1GiB so a benchmark cannot exhaust the runner."
  },
  'base-ref': {
    default: '',
    description:
      'What to compare with (a branch, tag or SHA). Default: the merge-base of the PR base and head; on push, the before commit.'
  },
  profiles: {
    default: 'cpu,mem',
    description:
      "Profiles to collect and upload: 'cpu', 'mem' or both, comma-separated. Empty disables."
  },
  'artifact-name': {
    default: 'go-race-gc-guard',
    description: 'Artifact name prefix (made unique per job, shard and attempt).'
  },
  'artifact-retention-days': {
    default: '7',
    description: 'Days to keep the uploaded artifact (1-400; 0 means the repository default).'
  },
  comment: { default: 'true', description: 'Post or update the sticky PR comment.' },
  'comment-header': {
    default: '',
    description:
      'Keeps separate sticky comments for separate jobs (e.g. a matrix): jobs with different headers do not overwrite each other.'
  },
  'github-token': {
    default: '${{ github.token }}',
    description:
      'Token for the PR comment and, in report mode, for reading artifacts of the triggering run.'
  },
  'fail-on-new-races': {
    default: 'true',
    description: 'Fail the step when head introduces a data race.'
  },
  'fail-on-races': {
    default: 'false',
    description: 'Fail on any data race, pre-existing ones too.'
  },
  'fail-on-regression': {
    default: 'true',
    description: 'Fail the step on a significant, confirmed performance or GC regression.'
  },
  'time-threshold': { default: '10%', description: 'Smallest sec/op change that counts.' },
  'alloc-threshold': {
    default: '5%',
    description: 'Smallest B/op or allocs/op change that counts.'
  },
  'gc-threshold': {
    default: '10%',
    description: 'Smallest change in a GC metric (GC cycles/op, pause/op, peak heap) that counts.'
  },
  alpha: {
    default: '0.05',
    description:
      'Significance level across the whole run (corrected for the number of comparisons).'
  },
  mode: {
    default: 'check',
    description:
      "'check' runs Go; 'report' only publishes the results of another run (workflow_run, fork PRs, merged shards)."
  },
  shard: {
    default: '',
    description:
      "'i/n': run the i-th of n package shards (matrix jobs); merge them with a mode: report job."
  }
} as const satisfies Record<string, InputSpec>

export type InputName = keyof typeof INPUTS

export const INPUT_NAMES = Object.keys(INPUTS) as InputName[]

export const OUTPUTS = {
  verdict: 'pass, fail or incomplete.',
  'new-races': 'Data races introduced by head.',
  'existing-races': 'Data races already on base (reported, not failing by default).',
  'fixed-races': 'Data races on base that head no longer has.',
  regressions:
    'Benchmarks with a significant, confirmed regression in any metric (time, memory or GC) under any GC variant.',
  improvements:
    'Benchmarks with a significant, confirmed improvement in any metric under any GC variant.',
  report: 'Path of the JSON report.',
  'comment-url': 'URL of the sticky PR comment, when one was written.',
  'artifact-url': 'URL of the uploaded artifact, when one was uploaded.'
} as const

export type OutputName = keyof typeof OUTPUTS

/** GOMEMLIMIT applied to `gc-variants` entries of `off` without a limit. */
export const OFF_DEFAULT_MEMLIMIT = '1GiB'
