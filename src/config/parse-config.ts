import path from 'node:path'
import type { Config, ProfileKind } from '../domain/config.js'
import { ConfigError } from '../domain/errors.js'
import { isValidGoVersionSpec, GO_VERSION_SPEC_HELP } from '../toolchain/version-spec.js'
import { INPUTS, type InputName } from './defaults.js'
import { parseGcVariants } from './gc-variants.js'
import { splitArgs } from './split-args.js'
import * as v from './validators.js'

/** Raw input values by name; a missing value means "use the default". */
export type RawInputs = Partial<Record<InputName, string>>

/**
 * Turns raw inputs into one typed Config. Pure. Every invalid value is collected, and a
 * ConfigError lists them all, each naming the input, the value and the accepted forms.
 */
export function parseConfig(raw: RawInputs): Config {
  const errors: string[] = []
  const get = (name: InputName): string => (raw[name] ?? INPUTS[name].default).trim()
  function check<T>(name: InputName, r: v.Checked<T>, fallback: T): T {
    if (r.ok) return r.value
    errors.push(`${name}: "${get(name)}" ${r.expected}`)
    return fallback
  }
  const bool = (name: InputName): boolean => check(name, v.checkBoolean(get(name)), false)
  const words = (name: InputName): string[] => {
    const w = splitArgs(get(name))
    if (w === null) errors.push(`${name}: "${get(name)}" has an unterminated quote`)
    return w ?? []
  }
  const percent = (name: InputName): number => check(name, v.checkPercent(get(name)), 0)

  const goVersion = get('go-version')
  if (goVersion !== '' && !isValidGoVersionSpec(goVersion)) {
    errors.push(`go-version: "${goVersion}" is not a Go version spec (${GO_VERSION_SPEC_HELP})`)
  }
  const goDownloadBaseUrl = get('go-download-base-url').replace(/\/+$/, '')
  if (!/^https?:\/\/[^\s]+$/.test(goDownloadBaseUrl)) {
    errors.push(`go-download-base-url: "${goDownloadBaseUrl}" is not an http(s) URL`)
  }
  const workingDirectory = get('working-directory') || '.'
  const normalized = path.posix
    .normalize(workingDirectory.replace(/\\/g, '/'))
    .replace(/(.)\/+$/, '$1')
  if (path.posix.isAbsolute(normalized) || normalized === '..' || normalized.startsWith('../')) {
    errors.push(
      `working-directory: "${workingDirectory}" is not a path inside the workspace, like . or services/api`
    )
  }
  const packages = get('packages').split(/\s+/).filter(Boolean)
  if (packages.length === 0) errors.push(`packages: "" is empty; give package patterns like ./...`)
  if (packages.some((p) => p.startsWith('-'))) {
    errors.push(
      `packages: "${get('packages')}" contains a flag; give package patterns like ./... (flags go in build-flags or test-flags)`
    )
  }
  const testTimeoutMs = check('test-timeout', v.checkGoDuration(get('test-timeout')), 0)
  const bench = get('bench')
  if (/[\r\n]/.test(bench)) errors.push(`bench: "${bench}" is not a single-line -bench regexp`)
  const { variants, errors: gcErrors } = parseGcVariants(get('gc-variants'))
  errors.push(...gcErrors)
  const baseRef = get('base-ref')
  if (baseRef.startsWith('-') || /[\s\0~^:?*[\\]|\.\.|@\{/.test(baseRef)) {
    errors.push(`base-ref: "${baseRef}" is not a branch, tag or commit SHA`)
  }
  const profiles: ProfileKind[] = []
  for (const p of get('profiles')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const r = v.checkEnum(p, ['cpu', 'mem'] as const)
    if (!r.ok)
      errors.push(`profiles: "${p}" is not one of cpu, mem (comma-separated, or empty to disable)`)
    else if (!profiles.includes(r.value)) profiles.push(r.value)
  }
  const artifactName = get('artifact-name')
  if (artifactName === '')
    errors.push('artifact-name: "" is empty; give a name prefix like go-race-gc-guard')

  const config: Config = {
    goVersion,
    goVersionFile: get('go-version-file'),
    goDownloadBaseUrl,
    cache: bool('cache'),
    workingDirectory: normalized,
    packages,
    buildFlags: words('build-flags'),
    testFlags: words('test-flags'),
    race: bool('race'),
    raceCount: check('race-count', v.checkWholeNumber(get('race-count'), 1), 1),
    raceBase: check(
      'race-base',
      v.checkEnum(get('race-base'), ['affected', 'full', 'off'] as const),
      'affected'
    ),
    raceConfirm: check('race-confirm', v.checkWholeNumber(get('race-confirm'), 0, 100), 0),
    testTimeout: get('test-timeout'),
    testTimeoutMs,
    bench,
    benchCount: check('bench-count', v.checkWholeNumber(get('bench-count'), 1), 1),
    benchtime: check('benchtime', v.checkBenchtime(get('benchtime')), '200ms'),
    gcVariants: variants,
    baseRef,
    profiles,
    artifactName,
    artifactRetentionDays: check(
      'artifact-retention-days',
      v.checkWholeNumber(get('artifact-retention-days'), 0, 400),
      0
    ),
    comment: bool('comment'),
    commentHeader: get('comment-header'),
    githubToken: raw['github-token'] ?? '',
    failOnNewRaces: bool('fail-on-new-races'),
    failOnRaces: bool('fail-on-races'),
    failOnRegression: bool('fail-on-regression'),
    timeThreshold: percent('time-threshold'),
    allocThreshold: percent('alloc-threshold'),
    gcThreshold: percent('gc-threshold'),
    alpha: check('alpha', v.checkAlpha(get('alpha')), 0.05),
    mode: check('mode', v.checkEnum(get('mode'), ['check', 'report'] as const), 'check'),
    shard: check('shard', v.checkShard(get('shard')), null)
  }
  if (errors.length > 0) throw new ConfigError(errors)
  return config
}
