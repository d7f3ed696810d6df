/**
 * `npm run bench`: the measurements that belong in CI-free reports.
 * - the streaming `go test -json` parser on 50/100/200 MB (throughput, peak RSS, linearity,
 *   ratio against tparse) — bench/parser-bench.ts;
 * `npm run bench:power` and `npm run bench:walltime` measure the benchmark gate's statistical
 * power and the benchmark stage's wall time (they run real Go benchmarks for minutes).
 */
import { runParserBench } from './parser-bench.js'

await runParserBench()
