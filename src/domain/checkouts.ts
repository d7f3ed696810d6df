/** Where the head and base sources are, as prepared by src/git/checkouts.ts. */
export interface Checkouts {
  /** Absolute path of the repository root of the head checkout (the user's workspace). */
  headRepo: string
  /** Absolute path of the Go module root in the head checkout (headRepo + working-directory). */
  headDir: string
  headSha: string
  /** Absolute path of the base worktree's repository root (under RUNNER_TEMP), or null. */
  baseRepo: string | null
  /** Absolute path of the Go module root in the base worktree, or null when there is no base. */
  baseDir: string | null
  baseSha: string | null
  /** Why there is no base, when baseDir is null. */
  baseUnavailableReason: string | null
  /** Repository-relative paths changed between base and head, or null when unknown. */
  changedFiles: string[] | null
  /** The module root relative to the repository root, `/`-separated, '' for the root. */
  moduleDir: string
}
