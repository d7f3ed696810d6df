/**
 * Parser benchmark: a generated `go test -json` stream of 50, 100 and 200 MB (real fixture
 * events: races, benchmarks, ordinary output) parsed streaming, each size in a fresh child
 * process for an honest peak RSS. Compares with tparse on the same file.
 * Run: `npx tsx bench/parser-bench.ts` (or through bench/run.ts via `runParserBench`).
 */
import { spawn, spawnSync } from 'node:child_process'
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { GoTestJsonParser } from '../src/races/go-test-json.js'
import { writeStream } from './parser-stream.js'

const SIZES_MB = [50, 100, 200]
const TARGET_MBPS = 100
const TARGET_RSS_MB = 200
const TPARSE = 'github.com/mfridman/tparse@v0.18.0'
const MB = 1024 * 1024

interface ChildResult {
  bytes: number
  ms: number
  /** CPU time of the child (user + system, all threads): less sensitive to other load. */
  cpuMs: number
  maxRssMb: number
  races: number
  events: number
  unparsed: number
}

/** Child mode: parse one file streaming and print the measurements as JSON. */
async function child(file: string): Promise<void> {
  const start = performance.now()
  const cpu0 = process.cpuUsage()
  const parser = new GoTestJsonParser({
    moduleRoot: '/work/main/__tests__/testdata/races/modules/basic'
  })
  const bytes = statSync(file).size
  // 64 KiB chunks: what a pipe from `go test` delivers to the ProcessRunner's onStdout.
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
    parser.push(chunk as string)
  }
  const res = parser.end()
  const ms = performance.now() - start
  const cpu = process.cpuUsage(cpu0)
  const out: ChildResult = {
    bytes,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    races: res.races.length,
    events: res.events,
    unparsed: res.unparsed
  }
  process.stdout.write(JSON.stringify(out))
}

function runChild(file: string): Promise<ChildResult> {
  const self = fileURLToPath(import.meta.url)
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...process.execArgv, self, '--child', file], {
      stdio: ['ignore', 'pipe', 'inherit']
    })
    let out = ''
    p.stdout.setEncoding('utf8').on('data', (c: string) => (out += c))
    p.on('error', reject)
    p.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out) as ChildResult) : reject(new Error(`child exit ${code}`))
    )
  })
}

/** Installs tparse (pinned) into a cache dir; returns its path or the reason it failed. */
function installTparse(): { bin: string } | { error: string } {
  const gobin = join(tmpdir(), 'go-race-gc-guard-bench-bin')
  const bin = join(gobin, 'tparse')
  if (existsSync(bin)) return { bin }
  mkdirSync(gobin, { recursive: true })
  const r = spawnSync('go', ['install', TPARSE], {
    env: { ...process.env, GOBIN: gobin },
    encoding: 'utf8',
    timeout: 300_000
  })
  if (r.status !== 0)
    return {
      error: `go install ${TPARSE} failed: ${(r.stderr || r.error?.message || '').trim().slice(0, 300)}`
    }
  return { bin }
}

/** Wall time (and peak RSS via GNU time when available) of tparse on `file`. */
function timeTparse(
  bin: string,
  file: string
): { ms: number; maxRssMb: number | null; exit: number | null } {
  const gnuTime = existsSync('/usr/bin/time')
  const start = performance.now()
  const args = ['-file', file, '-format', 'plain', '-nocolor']
  const r = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', bin, ...args], {
        encoding: 'utf8',
        maxBuffer: 512 * MB
      })
    : spawnSync(bin, args, { encoding: 'utf8', maxBuffer: 512 * MB })
  const ms = performance.now() - start
  const kb = gnuTime ? Number(/(\d+)\s*$/.exec(r.stderr ?? '')?.[1]) : NaN
  return { ms, maxRssMb: Number.isFinite(kb) ? kb / 1024 : null, exit: r.status }
}

/** Runs the benchmark and prints a table; sets process.exitCode = 1 when a target is missed. */
export async function runParserBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'parser-bench-'))
  const tparse = installTparse()
  if ('error' in tparse) console.log(`tparse unavailable: ${tparse.error}`)
  const rows: Array<
    ChildResult & { mb: number; tparseMs: number | null; tparseRss: number | null }
  > = []
  try {
    for (const mb of SIZES_MB) {
      const file = join(dir, `stream-${mb}.jsonl`)
      await writeStream(file, mb * MB)
      const r = await runChild(file)
      const t = 'bin' in tparse ? timeTparse(tparse.bin, file) : null
      rows.push({ ...r, mb, tparseMs: t?.ms ?? null, tparseRss: t?.maxRssMb ?? null })
      rmSync(file)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  console.log(
    `node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)}; 64 KiB chunks`
  )
  console.log(
    'size     MB/s  (cpu)  peak RSS  events     races  unparsed | tparse s  tparse RSS  ratio (tparse time / ours)'
  )
  for (const r of rows) {
    const mbps = r.bytes / MB / (r.ms / 1000)
    const cpuMbps = r.bytes / MB / (r.cpuMs / 1000)
    const tp = r.tparseMs === null ? 'n/a' : `${(r.tparseMs / 1000).toFixed(2)}s`
    const ratio = r.tparseMs === null ? 'n/a' : `${(r.tparseMs / r.ms).toFixed(2)}x`
    const trss = r.tparseRss === null ? 'n/a' : `${r.tparseRss.toFixed(0)} MB`
    console.log(
      `${String(r.mb).padStart(3)} MB  ${mbps.toFixed(0).padStart(5)}  (${cpuMbps.toFixed(0).padStart(3)})  ${r.maxRssMb.toFixed(0).padStart(5)} MB  ${String(r.events).padStart(8)}  ${String(r.races).padStart(6)}  ${String(r.unparsed).padStart(8)} | ${tp.padStart(8)}  ${trss.padStart(10)}  ${ratio}`
    )
  }
  // Linearity on CPU time (wall time on a shared 2-core box mostly measures the neighbours):
  // no larger size may cost more per MB than 1.5x the smallest. Cheaper per MB is fine (JIT
  // warm-up and fixed costs amortise); dearer would mean work growing faster than the input.
  const perMb = rows.map((r) => r.cpuMs / (r.bytes / MB))
  const growth = Math.max(...perMb.map((p) => p / perMb[0]))
  const linear = growth <= 1.5
  console.log(
    `CPU time per MB, largest vs ${rows[0].mb} MB: ${growth.toFixed(2)}x (${linear ? 'linear' : 'NOT linear'}; limit 1.5x)`
  )
  // Throughput target on wall clock, as stated; the (cpu) column shows what load took away.
  const slowest = Math.min(...rows.map((r) => r.bytes / MB / (r.ms / 1000)))
  const peak = Math.max(...rows.map((r) => r.maxRssMb))
  console.log(
    `targets: >= ${TARGET_MBPS} MB/s: ${slowest >= TARGET_MBPS ? 'ok' : 'MISSED'} (${slowest.toFixed(0)}), peak RSS <= ${TARGET_RSS_MB} MB: ${peak <= TARGET_RSS_MB ? 'ok' : 'MISSED'} (${peak.toFixed(0)})`
  )
  if (!linear || slowest < TARGET_MBPS || peak > TARGET_RSS_MB) process.exitCode = 1
}

const argv = process.argv
const isMain = argv[1] !== undefined && fileURLToPath(import.meta.url) === argv[1]
if (isMain && argv[2] === '--child' && argv[3] !== undefined) {
  await child(argv[3])
} else if (isMain) {
  await runParserBench()
}
