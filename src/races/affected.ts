/**
 * Which packages the base side must test under `race-base: affected`: packages with changed
 * files, packages whose tests depend on them, and packages where head raced. Pure over the
 * output of `go list -e -test -f <LIST_FORMAT>` run in the head module.
 */

/** `go list -f` template: import path, directory, transitive deps, tab-separated. */
export const LIST_FORMAT = '{{.ImportPath}}\t{{.Dir}}\t{{join .Deps " "}}'

export interface PackageGraph {
  /** Import path → absolute directory (head checkout). */
  dirs: Map<string, string>
  /** Import path → transitive dependencies of its test binary (variants stripped). */
  testDeps: Map<string, Set<string>>
}

const stripVariant = (id: string): string => {
  const sp = id.indexOf(' [')
  return sp === -1 ? id : id.slice(0, sp)
}

/** Parses `go list -e -test -f LIST_FORMAT` output. */
export function parsePackageList(stdout: string): PackageGraph {
  const dirs = new Map<string, string>()
  const testDeps = new Map<string, Set<string>>()
  for (const line of stdout.split('\n')) {
    const [id, dir, deps] = line.replace(/\r$/, '').split('\t')
    if (id === undefined || id === '' || dir === undefined) continue
    const depSet = new Set((deps ?? '').split(' ').filter(Boolean).map(stripVariant))
    if (!id.includes(' ') && id.endsWith('.test')) {
      testDeps.set(id.slice(0, -5), depSet) // the generated test main: everything the tests need
    } else if (!id.includes(' ')) {
      dirs.set(id, dir)
      if (!testDeps.has(id)) testDeps.set(id, depSet)
    }
  }
  return { dirs, testDeps }
}

export interface AffectedInput {
  graph: PackageGraph
  /** Absolute module root of the head checkout. */
  headDir: string
  /** Module root relative to the repository root ('' for the root). */
  moduleDir: string
  /** Repository-relative changed paths, or null when unknown (→ everything). */
  changedFiles: readonly string[] | null
  /** The head packages being tested. */
  packages: readonly string[]
  /** Packages where head raced. */
  raced: Iterable<string>
}

/** Packages to run on base, in the order of `packages`. */
export function affectedPackages(input: AffectedInput): string[] {
  const { graph, packages } = input
  if (input.changedFiles === null) return [...packages]
  const prefix = input.moduleDir === '' ? '' : `${input.moduleDir.replace(/\/+$/, '')}/`
  const root = input.headDir.replace(/\/+$/, '')
  const changedDirs = new Set<string>()
  for (const f of input.changedFiles) {
    if (!f.startsWith(prefix)) continue
    const rel = f.slice(prefix.length)
    if (rel === 'go.mod' || rel === 'go.sum' || rel === 'go.work' || rel === 'go.work.sum') {
      return [...packages] // dependency versions changed: anything may behave differently
    }
    // A change under testdata/ belongs to the package that owns the testdata directory.
    const td = rel.startsWith('testdata/') ? 0 : rel.indexOf('/testdata/')
    const dir = td !== -1 ? rel.slice(0, td) : rel.slice(0, Math.max(0, rel.lastIndexOf('/')))
    changedDirs.add(dir === '' ? root : `${root}/${dir}`)
  }
  const changedPkgs = new Set<string>()
  for (const [pkg, dir] of graph.dirs)
    if (changedDirs.has(dir.replace(/\/+$/, ''))) changedPkgs.add(pkg)
  const raced = new Set(input.raced)
  return packages.filter((p) => {
    if (changedPkgs.has(p) || raced.has(p)) return true
    const deps = graph.testDeps.get(p)
    if (deps === undefined) return false
    for (const d of changedPkgs) if (deps.has(d)) return true
    return false
  })
}
